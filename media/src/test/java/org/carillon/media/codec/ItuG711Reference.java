package org.carillon.media.codec;

/**
 * The test oracle: G.711 written out the way the ITU-T G.191 Software Tool Library's reference code
 * ({@code g711.c}: {@code ulaw_compress}, {@code ulaw_expand}, {@code alaw_compress}, {@code alaw_expand})
 * states the algorithm — segment found by a shifting loop, values built from step sizes. Independent of the
 * production tables, which use bit tricks; written for this test from the algorithm, not copied.
 */
final class ItuG711Reference {

    private ItuG711Reference() {
    }

    static int ulawCompress(short linear) {
        int absno = linear < 0 ? ((~linear) >> 2) + 33 : (linear >> 2) + 33;
        if (absno > 0x1FFF) {
            absno = 0x1FFF;
        }
        int i = absno >> 6;
        int segno = 1;
        while (i != 0) {
            segno++;
            i >>= 1;
        }
        int highNibble = 0x0008 - segno;
        int lowNibble = 0x000F - ((absno >> segno) & 0x000F);
        int log = (highNibble << 4) | lowNibble;
        if (linear >= 0) {
            log |= 0x0080;
        }
        return log;
    }

    static short ulawExpand(int log) {
        int sign = log < 0x0080 ? -1 : 1;
        int mantissa = ~log;
        int exponent = (mantissa >> 4) & 0x0007;
        int segment = exponent + 1;
        mantissa &= 0x000F;
        int step = 4 << segment;
        return (short) (sign * ((0x0080 << exponent) + step * mantissa + step / 2 - 4 * 33));
    }

    static int alawCompress(short linear) {
        int ix = linear < 0 ? (~linear) >> 4 : linear >> 4;
        if (ix > 15) {
            int iexp = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                iexp++;
            }
            ix -= 16;
            ix += iexp << 4;
        }
        if (linear >= 0) {
            ix |= 0x0080;
        }
        return ix ^ 0x0055;
    }

    static short alawExpand(int log) {
        int ix = (log ^ 0x0055) & 0x007F;
        int iexp = ix >> 4;
        int mant = ix & 0x000F;
        if (iexp > 0) {
            mant += 16;
        }
        mant = (mant << 4) + 0x0008;
        if (iexp > 1) {
            mant <<= iexp - 1;
        }
        return (short) (log > 127 ? mant : -mant);
    }
}
