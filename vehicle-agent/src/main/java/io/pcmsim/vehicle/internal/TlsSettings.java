package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.pcmsim.vehicle.fleet.BrokerTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns {@link BrokerTls} into the MQTT clients' TLS settings, once per fleet: the JDK's default trust
 * store, or a trust store of the CA file's certificates. The client checks the broker's name (HTTPS
 * endpoint identification) either way.
 */
public final class TlsSettings {

    private TlsSettings() {
    }

    /**
     * @throws IllegalArgumentException when the CA file cannot be read or holds no X.509 certificate,
     *     naming the file
     */
    public static MqttClientSslConfig of(BrokerTls tls) {
        if (tls.caFile().isEmpty()) {
            return MqttClientSslConfig.builder().build();
        }
        Path file = tls.caFile().get();
        try {
            return MqttClientSslConfig.builder().trustManagerFactory(trusting(file)).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("the CA file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA file " + file + " holds no usable X.509 certificate: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The same settings as a socket factory, for the Paho client: trusting what {@code ssl} trusts (the
     * JDK's default trust store when it names no trust manager factory). The client checks the broker's
     * name itself.
     */
    public static SSLSocketFactory socketFactory(MqttClientSslConfig ssl) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, ssl.getTrustManagerFactory().map(TrustManagerFactory::getTrustManagers).orElse(null),
                    null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no usable TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trusting(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
