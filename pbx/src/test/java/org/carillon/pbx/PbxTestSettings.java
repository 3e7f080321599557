package org.carillon.pbx;

import org.carillon.platform.testing.WebFoundationContract;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Settings every PBX integration test starts with: its own data folder, ports chosen by the OS. */
final class PbxTestSettings {
    private PbxTestSettings() {
    }

    static void common(DynamicPropertyRegistry registry, Supplier<Path> data) {
        registry.add("carillon.data.dir", () -> data.get().toString());
        registry.add("carillon.owner.password", () -> WebFoundationContract.OWNER_PASSWORD);
        registry.add("carillon.sip.port", () -> "0");
        registry.add("carillon.bind", () -> "127.0.0.1");
    }
}
