package org.carillon.pbx.feature;

/**
 * Port plan of the feature tests (loopback only). Fixed blocks between the PBX's RTP range (10000-20000) and the OS's
 * ephemeral range (32768+), so OS-chosen ports never land in them, and apart from the call tests' blocks
 * (21000-23999, {@code org.carillon.pbx.call.Ports}): SIPp media 24000-24999 (4 per instance: audio and video
 * RTP/RTCP), SIPp control 25000-25999, baresip RTP 26000-26999 (20 each). SIP ports are OS-chosen.
 */
final class FeaturePorts {
    private static int nextSippMedia = 24000;
    private static int nextSippControl = 25000;
    private static int nextBaresipRtp = 26000;

    private FeaturePorts() {
    }

    static synchronized int sippMedia() {
        int p = nextSippMedia;
        nextSippMedia = nextSippMedia + 4 >= 25000 ? 24000 : nextSippMedia + 4;
        return p;
    }

    static synchronized int sippControl() {
        int p = nextSippControl;
        nextSippControl = nextSippControl + 1 >= 26000 ? 25000 : nextSippControl + 1;
        return p;
    }

    static synchronized int baresipRtp() {
        int p = nextBaresipRtp;
        nextBaresipRtp = nextBaresipRtp + 20 >= 27000 ? 26000 : nextBaresipRtp + 20;
        return p;
    }
}
