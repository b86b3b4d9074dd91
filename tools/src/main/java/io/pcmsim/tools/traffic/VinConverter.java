package io.pcmsim.tools.traffic;

import io.pcmsim.protocol.InvalidVinException;
import io.pcmsim.protocol.Vin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter: a VIN, with the VIN rule it breaks as the usage error. */
public final class VinConverter implements ITypeConverter<Vin> {
    @Override
    public Vin convert(String value) {
        try {
            return Vin.of(value);
        } catch (InvalidVinException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
