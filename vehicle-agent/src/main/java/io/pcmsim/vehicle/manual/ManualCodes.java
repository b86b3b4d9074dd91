package io.pcmsim.vehicle.manual;

import java.util.Locale;
import java.util.regex.Pattern;

/** The forms of the manual's message codes and chapter ids, checked where a driver or a file gives them. */
public final class ManualCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    private static final Pattern CHAPTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ManualCodes() {
    }

    /**
     * A message code in upper case, e.g. {@code W-OIL-LEVEL}.
     *
     * @throws IllegalArgumentException naming the text when it is not 1 to 64 letters, digits and dashes
     */
    public static String messageCode(String code) {
        return checked(code.strip().toUpperCase(Locale.ROOT), CODE, "message code", code, "W-OIL-LEVEL");
    }

    /**
     * A chapter id in lower case, e.g. {@code oil-top-up}.
     *
     * @throws IllegalArgumentException naming the text when it is not 1 to 64 letters, digits and dashes
     */
    public static String chapterId(String chapter) {
        return checked(chapter.strip().toLowerCase(Locale.ROOT), CHAPTER, "chapter", chapter, "oil-top-up");
    }

    private static String checked(String normal, Pattern form, String what, String given, String example) {
        if (!form.matcher(normal).matches()) {
            throw new IllegalArgumentException(what + " [" + given + "] must be 1 to 64 letters, digits and dashes,"
                    + " e.g. " + example);
        }
        return normal;
    }
}
