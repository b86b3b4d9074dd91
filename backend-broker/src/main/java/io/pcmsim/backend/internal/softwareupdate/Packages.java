package io.pcmsim.backend.internal.softwareupdate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Release packages: deterministic pseudo-random bytes from a seed and a size, generated again when needed (the
 * few newest kept in memory). Thread-safe.
 */
final class Packages {

    private static final int CACHED = 4;

    private final Map<Long, byte[]> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    /** The package of {@code seed} and {@code size}. */
    synchronized byte[] bytes(long seed, int size) {
        byte[] cached = cache.get(seed);
        if (cached != null && cached.length == size) {
            return cached;
        }
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        cache.put(seed, bytes);
        return bytes;
    }

    /** Chunk {@code index} of {@code bytes} in chunks of {@code chunkSize}. */
    static byte[] chunk(byte[] bytes, int chunkSize, int index) {
        int from = index * chunkSize;
        return Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize));
    }

    static int chunkCount(int size, int chunkSize) {
        return (size + chunkSize - 1) / chunkSize;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
