package org.carillon.platform.settings;

/**
 * A setting (environment variable or config-file property) that prevents start-up. Reported as one line naming
 * the setting, never as a stack trace, and the process exits with status 2.
 */
public final class InvalidSettingException extends RuntimeException {
    private final String setting;

    /**
     * @param setting the environment-variable name a user would change, e.g. {@code CARILLON_SIP_PORT}
     * @param message what is wrong with it, in words a user understands
     */
    public InvalidSettingException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    /** The environment-variable name of the offending setting. */
    public String setting() {
        return setting;
    }
}
