package io.pcmsim.backend.internal.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the backend's tab-separated reference files: one record per line, a fixed number of fields,
 * lines starting with {@code #} and blank lines ignored. Errors name the file and the line.
 */
public final class TabSeparated {

    private TabSeparated() {
    }

    /**
     * Parses every record of {@code source}.
     *
     * @param name the file's name, for error messages
     * @param fields the number of fields each record has
     * @param fieldNames the fields' names, listed when a record has the wrong number of fields
     * @param parse turns a record's fields into a value; throws {@link IllegalArgumentException} with what
     *     is wrong, without the file and line, which this method adds
     * @throws IllegalArgumentException {@code "name:line: what is wrong"} for the first broken record
     */
    public static <T> List<T> read(Reader source, String name, int fields, String fieldNames,
            Function<String[], T> parse) throws IOException {
        List<T> records = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] values = line.split("\t", -1);
                if (values.length != fields) {
                    throw new IllegalArgumentException("expected " + fields + " tab-separated fields (" + fieldNames
                            + "), found " + values.length);
                }
                records.add(parse.apply(values));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    /**
     * The records by their key, in file order.
     *
     * @param what what a record is, for the error message, e.g. {@code "dealer"}
     * @throws IllegalArgumentException {@code "name: what key is listed twice"} for a repeated key
     */
    public static <T> Map<String, T> byKey(List<T> records, Function<T, String> key, String name, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T record : records) {
            if (map.putIfAbsent(key.apply(record), record) != null) {
                throw new IllegalArgumentException(name + ": " + what + " " + key.apply(record) + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@link #read} of a class path resource shipped with the backend. */
    public static <T> List<T> readResource(String resource, int fields, String fieldNames,
            Function<String[], T> parse) {
        InputStream in = TabSeparated.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, resource, fields, fieldNames, parse);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
