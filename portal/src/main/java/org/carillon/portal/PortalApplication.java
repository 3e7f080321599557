package org.carillon.portal;

import org.carillon.platform.PlatformConfiguration;
import org.carillon.platform.settings.CarillonLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The vendor's customer portal: licenses, purchases, invoices, accounts and sub-accounts. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class PortalApplication {

    public static void main(String[] args) {
        CarillonLauncher.run(PortalApplication.class, args);
    }
}
