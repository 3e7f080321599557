package org.carillon.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Imported by each app: the platform's beans (settings, database, security, mail outbox, audit log, clock). */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PlatformConfiguration.class)
@EnableScheduling
public class PlatformConfiguration {
}
