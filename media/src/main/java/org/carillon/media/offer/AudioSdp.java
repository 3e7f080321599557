package org.carillon.media.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Attribute;
import org.carillon.media.sdp.Connection;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.MediaDescription;
import org.carillon.media.sdp.Origin;
import org.carillon.media.sdp.RtpMap;
import org.carillon.media.sdp.SessionDescription;

/** Builds the SDP bodies our side sends. */
final class AudioSdp {

    private AudioSdp() {
    }

    /** An audio section listing {@code formats} (pt, format) and optionally telephone-event. */
    static MediaDescription audio(LocalAudio local, List<int[]> ptFormat, List<AudioFormat> formats,
                                  OptionalInt telephoneEvent, Direction direction) {
        var fmts = new ArrayList<String>();
        var attrs = new ArrayList<Attribute>();
        for (int i = 0; i < formats.size(); i++) {
            int pt = ptFormat.get(i)[0];
            AudioFormat f = formats.get(i);
            fmts.add(Integer.toString(pt));
            attrs.add(Attribute.of("rtpmap", new RtpMap(pt, f.encoding(), f.clockRate(), 1).value()));
        }
        telephoneEvent.ifPresent(pt -> {
            fmts.add(Integer.toString(pt));
            attrs.add(Attribute.of("rtpmap", pt + " telephone-event/8000"));
            attrs.add(Attribute.of("fmtp", pt + " 0-16")); // DTMF digits and flash (RFC 4733 §7.1.1)
        });
        attrs.add(Attribute.of("ptime", Integer.toString(local.ptime())));
        attrs.add(Attribute.flag(direction.attribute()));
        return new MediaDescription("audio", local.port(), 1, "RTP/AVP", fmts, Optional.empty(), List.of(), attrs);
    }

    /** A rejected copy of an offered section (RFC 3264 §6: port 0, formats kept). */
    static MediaDescription rejected(MediaDescription offered) {
        return new MediaDescription(offered.media(), 0, 1, offered.proto(), offered.formats(), Optional.empty(),
                List.of(), List.of());
    }

    /** A whole body around {@code media}; the origin is a placeholder until {@link SdpSession#stamp}. */
    static SessionDescription body(LocalAudio local, List<MediaDescription> media) {
        return new SessionDescription(new Origin("-", "0", 0, "IN", "IP4", local.address()), "-",
                Optional.of(Connection.internet(local.address())), "0 0", List.of(), List.of(), media);
    }
}
