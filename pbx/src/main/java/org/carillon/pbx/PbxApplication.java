package org.carillon.pbx;

import org.carillon.platform.PlatformConfiguration;
import org.carillon.platform.settings.CarillonLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The PBX: SIP registrar and B2BUA, call features, web admin and REST API. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class PbxApplication {

    public static void main(String[] args) {
        CarillonLauncher.run(PbxApplication.class, args);
    }
}
