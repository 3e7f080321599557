import org.carillon.licensekey.activation.ActivationKey;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Prints {@code n} valid activation keys for the bench's seed, one {@code key,lookup-hash} line each (CSV for psql's
 * {@code \copy}). Deterministic (key i comes from SHA-256 of "bench-key-i"): bench data, never a real license.
 * Run with the license-key jar on the class path: {@code java -cp carillon-license-key-*.jar BenchKeys.java 10000}.
 */
public class BenchKeys {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder out = new StringBuilder(n * 100);
        for (int i = 1; i <= n; i++) {
            byte[] seed = Arrays.copyOf(sha.digest(("bench-key-" + i).getBytes()), 13);
            ActivationKey key = ActivationKey.fromRandomBytes(seed);
            out.append(key.text()).append(',').append(key.lookupHash()).append('\n');
        }
        System.out.print(out);
    }
}
