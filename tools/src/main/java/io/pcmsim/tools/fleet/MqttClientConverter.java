package io.pcmsim.tools.fleet;

import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mqtt-client hivemq|paho} (any case); anything else is a usage error naming both. */
public final class MqttClientConverter implements ITypeConverter<MqttClientLibrary> {

    @Override
    public MqttClientLibrary convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hivemq" -> MqttClientLibrary.HIVEMQ;
            case "paho" -> MqttClientLibrary.PAHO;
            default -> throw new TypeConversionException("must be hivemq or paho, was '" + value + "'");
        };
    }
}
