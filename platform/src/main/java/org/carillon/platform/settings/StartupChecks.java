package org.carillon.platform.settings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Locale;

/**
 * Checks the settings that must be right before anything binds: the app's HTTP port. Runs after the config files
 * are loaded. Settings read by beans (data folder, database, SIP) are checked where they are used and fail the
 * same way: an {@link InvalidSettingException}, reported in one line by {@link InvalidSettingReporter}.
 */
public final class StartupChecks implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String app = environment.getProperty("carillon.app");
        if (app == null) {
            return; // not a Carillon app (e.g. a slice test)
        }
        Settings settings = new Settings(environment);
        String portSetting = "CARILLON_" + app.toUpperCase(Locale.ROOT) + "_HTTP_PORT";
        settings.port(portSetting, 8080);
        settings.optional("CARILLON_BIND").ifPresent(bind -> {
            try {
                java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                throw new InvalidSettingException("CARILLON_BIND", "'" + bind + "' is not an address of this host");
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
