package org.carillon.licensekey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import org.carillon.licensekey.keypair.Ed25519Keys;

/**
 * Creates an Ed25519 license-signing key pair: {@code KeyGen --dir DIR [--name NAME]} writes
 * {@code NAME.private.pem} (owner-only) and {@code NAME.public.pem}; it never overwrites. Keep production
 * private keys out of the repository and the database (SPEC §4); compile the public key into the PBX.
 */
public final class KeyGen {

    static final String USAGE = "usage: KeyGen --dir DIR [--name NAME]   (NAME defaults to license-signing)";

    private KeyGen() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** @return the process exit code: 0 done, 2 bad usage, 1 could not write */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = new Args(args, Set.of("dir", "name"));
            a.require("dir");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Path priv = Ed25519Keys.write(Ed25519Keys.generate(new SecureRandom()), Path.of(a.require("dir")),
                    a.find("name").orElse("license-signing"));
            out.println("wrote " + priv + " (secret) and its .public.pem next to it");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot write the key pair: " + e.getMessage());
            return 1;
        }
    }
}
