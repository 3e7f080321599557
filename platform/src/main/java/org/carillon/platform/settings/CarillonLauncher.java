package org.carillon.platform.settings;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Carillon app so that a start-up failure ends the process with status 2 after its one-line report,
 * instead of a stack trace wall.
 */
public final class CarillonLauncher {
    private CarillonLauncher() {
    }

    public static ConfigurableApplicationContext run(Class<?> app, String[] args) {
        SpringApplication application = new SpringApplication(app);
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            System.exit(2);
            throw e;
        }
    }
}
