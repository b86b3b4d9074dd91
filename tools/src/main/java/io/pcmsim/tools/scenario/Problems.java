package io.pcmsim.tools.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one file, each as {@code FILE:LINE: FIELD: what is wrong}. Not thread-safe. */
final class Problems {

    private final String file;
    private final List<String> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(Node node, String field, String message) {
        at(line(node), field, message);
    }

    void at(int line, String field, String message) {
        found.add(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message);
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<String> all() {
        return List.copyOf(found);
    }

    /** The closest of {@code known} to {@code given} when it is a likely typo, for "did you mean". */
    static String suggestion(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(given.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return "; did you mean " + best + "?";
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
