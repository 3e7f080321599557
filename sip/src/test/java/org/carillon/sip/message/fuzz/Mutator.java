package org.carillon.sip.message.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutations of real messages that keep most structure so the parser gets deep: bit flips,
 * interesting bytes, truncation, splices between seeds, duplicated lines, huge repeated values,
 * deleted ranges and stray CR/LF. Deterministic for a given {@link Random}.
 */
final class Mutator {
    private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', ':', ';', ',', '<', '>', '"', '\\', '%', '[',
        ']', '@', '=', '/', '?', 0, (byte) 0x7f, (byte) 0x80, (byte) 0xff, '0', '9', '-'};

    private final List<byte[]> seeds;

    Mutator(List<byte[]> seeds) {
        this.seeds = seeds;
    }

    byte[] mutate(Random r) {
        byte[] b = seeds.get(r.nextInt(seeds.size()));
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = once(b, r);
        }
        return b;
    }

    private byte[] once(byte[] b, Random r) {
        if (b.length == 0) {
            return seeds.get(r.nextInt(seeds.size()));
        }
        int at = r.nextInt(b.length);
        return switch (r.nextInt(9)) {
            case 0 -> flipBit(b, at, r);
            case 1 -> setByte(b, at, INTERESTING[r.nextInt(INTERESTING.length)]);
            case 2 -> Arrays.copyOf(b, at); // truncation
            case 3 -> splice(b, at, seeds.get(r.nextInt(seeds.size())), r);
            case 4 -> duplicateLine(b, at);
            case 5 -> repeat(b, at, 1 + r.nextInt(Math.max(1, b.length - at)) % 64, 100 + r.nextInt(3000));
            case 6 -> delete(b, at, r.nextInt(Math.min(64, b.length - at) + 1));
            case 7 -> insert(b, at, r.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\r', '\n', ' '});
            default -> setByte(b, at, (byte) r.nextInt(256));
        };
    }

    private static byte[] flipBit(byte[] b, int at, Random r) {
        byte[] c = b.clone();
        c[at] ^= (byte) (1 << r.nextInt(8));
        return c;
    }

    private static byte[] setByte(byte[] b, int at, byte v) {
        byte[] c = b.clone();
        c[at] = v;
        return c;
    }

    private static byte[] splice(byte[] b, int at, byte[] other, Random r) {
        int from = r.nextInt(other.length);
        int len = r.nextInt(other.length - from + 1);
        return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, from, from + len),
                Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] duplicateLine(byte[] b, int at) {
        int s = at;
        while (s > 0 && b[s - 1] != '\n') {
            s--;
        }
        int e = at;
        while (e < b.length && b[e] != '\n') {
            e++;
        }
        e = Math.min(b.length, e + 1);
        return concat(Arrays.copyOf(b, e), Arrays.copyOfRange(b, s, e), Arrays.copyOfRange(b, e, b.length));
    }

    private static byte[] repeat(byte[] b, int at, int len, int times) {
        int end = Math.min(b.length, at + len);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + (end - at) * times);
        out.write(b, 0, end);
        for (int i = 0; i < times; i++) {
            out.write(b, at, end - at);
        }
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] b, int at, int len) {
        return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, b.length));
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        return concat(Arrays.copyOf(b, at), what, Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
