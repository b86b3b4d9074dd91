package io.pcmsim.vehicle.internal.softwareupdate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders control-unit versions such as {@code PCM6.2.11} or {@code GW3.4}: by their numbers, part by part
 * ({@code PCM6.2.11} is newer than {@code PCM6.2.9}); the letters in front name the line and are not compared.
 * A missing part counts as 0.
 */
final class Versions {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Older first. */
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        List<Long> x = numbers(a);
        List<Long> y = numbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long p = i < x.size() ? x.get(i) : 0;
            long q = i < y.size() ? y.get(i) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static List<Long> numbers(String version) {
        List<Long> parts = new ArrayList<>();
        Matcher m = NUMBER.matcher(version);
        while (m.find()) {
            String digits = m.group();
            parts.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
        }
        return parts;
    }
}
