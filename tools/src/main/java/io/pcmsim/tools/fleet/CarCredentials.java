package io.pcmsim.tools.fleet;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.fleet.VehicleCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The cars' MQTT credentials from the command line, read before anything connects:
 * <ul>
 * <li>{@code --username TEMPLATE --password-file FILE}: every car connects with the user name and the
 * password (the file's first line) in which {@code {vin}} is replaced by the car's VIN, e.g.
 * {@code --username '{vin}'};
 * <li>{@code --credentials-file FILE}: one line per car, {@code VIN USERNAME PASSWORD} separated by
 * blanks; empty lines and lines starting with {@code #} are skipped; a car of the fleet without a line
 * stops the run before it starts.
 * </ul>
 * Passwords are never taken from the command line itself (other users of the machine can read it).
 */
final class CarCredentials {

    static final String VIN_PLACEHOLDER = "{vin}";

    private CarCredentials() {
    }

    /**
     * @throws IllegalArgumentException with a sentence naming the option, file and line that is wrong
     */
    static VehicleCredentials from(@Nullable String username, @Nullable Path passwordFile,
            @Nullable Path credentialsFile) {
        if (credentialsFile != null) {
            if (username != null || passwordFile != null) {
                throw new IllegalArgumentException(
                        "give either --credentials-file or --username with --password-file, not both");
            }
            return perCar(credentialsFile);
        }
        if (passwordFile != null && username == null) {
            throw new IllegalArgumentException("--password-file needs --username (e.g. --username '{vin}')");
        }
        if (username == null) {
            return VehicleCredentials.none();
        }
        if (username.isBlank()) {
            throw new IllegalArgumentException("--username is empty");
        }
        String password = passwordFile == null ? "" : firstLine(passwordFile);
        return vin -> Optional.of(MqttCredentials.of(fill(username, vin), fill(password, vin)));
    }

    private static String fill(String template, Vin vin) {
        return template.replace(VIN_PLACEHOLDER, vin.value());
    }

    private static String firstLine(Path file) {
        List<String> lines = read("--password-file", file);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("--password-file " + file + " is empty; its first line is the password");
        }
        return lines.get(0);
    }

    private static VehicleCredentials perCar(Path file) {
        Map<String, MqttCredentials> byVin = new HashMap<>();
        List<String> lines = read("--credentials-file", file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--credentials-file " + file + " line " + (i + 1)
                        + ": expected VIN USERNAME PASSWORD separated by blanks, found " + parts.length + " fields");
            }
            if (byVin.put(parts[0], MqttCredentials.of(parts[1], parts[2])) != null) {
                throw new IllegalArgumentException("--credentials-file " + file + " line " + (i + 1) + ": VIN "
                        + parts[0] + " appears twice");
            }
        }
        return vin -> {
            MqttCredentials credentials = byVin.get(vin.value());
            if (credentials == null) {
                throw new IllegalArgumentException("--credentials-file " + file + " has no line for the car " + vin
                        + " (the fleet's VINs follow from --seed and --vehicles)");
            }
            return Optional.of(credentials);
        };
    }

    private static List<String> read(String option, Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
