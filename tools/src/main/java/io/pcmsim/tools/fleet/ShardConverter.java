package io.pcmsim.tools.fleet;

import io.pcmsim.vehicle.fleet.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --shard K/N}; a wrong one becomes a usage error naming the format. */
public final class ShardConverter implements ITypeConverter<Shard> {

    @Override
    public Shard convert(String value) {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
