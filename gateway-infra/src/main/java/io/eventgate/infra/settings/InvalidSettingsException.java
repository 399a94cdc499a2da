package io.eventgate.infra.settings;

/** The merged settings are unusable; the message names the setting and what is wrong with it. */
public final class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }

    public InvalidSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
