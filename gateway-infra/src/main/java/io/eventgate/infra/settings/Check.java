package io.eventgate.infra.settings;

import java.util.Collection;
import java.util.regex.Pattern;

/** The few validations the settings records share; each failure names the setting so the user can fix it. */
final class Check {

    private Check() {
    }

    static String text(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(setting + " must not be empty");
        }
        return value;
    }

    static String matches(String value, Pattern pattern, String setting) {
        text(value, setting);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidSettingsException(setting + " must match " + pattern + ", was '" + value + "'");
        }
        return value;
    }

    static int range(int value, int min, int max, String setting) {
        if (value < min || value > max) {
            throw new InvalidSettingsException(setting + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    static double positive(double value, String setting) {
        if (!(value > 0)) {
            throw new InvalidSettingsException(setting + " must be > 0, was " + value);
        }
        return value;
    }

    static <T> T present(T value, String setting) {
        if (value == null) {
            throw new InvalidSettingsException(setting + " is missing");
        }
        return value;
    }

    static <T extends Collection<?>> T notEmpty(T values, String setting) {
        if (values == null || values.isEmpty()) {
            throw new InvalidSettingsException(setting + " must list at least one entry");
        }
        return values;
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
