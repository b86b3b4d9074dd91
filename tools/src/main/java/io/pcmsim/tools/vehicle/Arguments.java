package io.pcmsim.tools.vehicle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words of a console line after the command's name, with readers that name the command and its usage. */
final class Arguments {

    private final ConsoleCommand command;
    private final List<String> words;

    Arguments(ConsoleCommand command, List<String> words) {
        this.command = command;
        this.words = List.copyOf(words);
    }

    int size() {
        return words.size();
    }

    /** The words, checked to be between {@code min} and {@code max} of them. */
    Arguments expect(int min, int max) throws CommandException {
        if (words.size() < min || words.size() > max) {
            throw wrong(words.size() < min ? "too few arguments" : "too many arguments");
        }
        return this;
    }

    String word(int index) {
        return words.get(index);
    }

    /** {@code on} or {@code off} at {@code index}, as true or false. */
    boolean onOff(int index) throws CommandException {
        return switch (words.get(index).toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw wrong("'" + words.get(index) + "' is neither on nor off");
        };
    }

    /**
     * The words as options {@code --NAME yes|no}, each of {@code names} at most once, in any order, e.g.
     * {@code --assistance yes --dealer no}; an option not given is absent from the map.
     */
    Map<String, Boolean> yesNoOptions(String... names) throws CommandException {
        List<String> allowed = List.of(names);
        Map<String, Boolean> values = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            String word = words.get(i);
            String name = word.startsWith("--") ? word.substring(2).toLowerCase(Locale.ROOT) : "";
            if (!allowed.contains(name)) {
                throw wrong("'" + word + "' is not an option of " + command.name());
            }
            if (values.containsKey(name)) {
                throw wrong("--" + name + " is given twice");
            }
            String value = i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : "";
            if (!value.equals("yes") && !value.equals("no")) {
                throw wrong("--" + name + " needs yes or no" + (value.isEmpty() ? "" : ", was '" + words.get(i + 1) + "'"));
            }
            values.put(name, value.equals("yes"));
        }
        return values;
    }

    /** A finite number at {@code index}, above 0 and at most {@code max}. */
    double positive(int index, String what, double max) throws CommandException {
        double value;
        try {
            value = Double.parseDouble(words.get(index));
        } catch (NumberFormatException e) {
            throw wrong("'" + words.get(index) + "' is not a number of " + what);
        }
        if (!(value > 0) || value > max) {
            throw wrong(what + " must be above 0 and at most " + Texts.number(max) + ", was " + words.get(index));
        }
        return value;
    }

    /** An error that names the command, what was wrong and its usage. */
    CommandException wrong(String problem) {
        return new CommandException(command.name() + ": " + problem + "; usage: " + command.usage());
    }
}
