package org.carillon.media.offer;

import java.util.List;
import org.carillon.media.codec.AudioFormat;

/**
 * What our side of one audio stream offers: where we receive, which codecs in which order.
 *
 * @param address the IP address we receive RTP on, as written in {@code c=}
 * @param port our RTP port (even; RTCP is the next one)
 * @param formats codecs we accept, most preferred first (not including telephone-event)
 * @param telephoneEventPayloadType dynamic payload type we offer for RFC 4733 events, 96..127
 * @param ptime packet duration we want to receive, in milliseconds
 */
public record LocalAudio(String address, int port, List<AudioFormat> formats, int telephoneEventPayloadType,
                         int ptime) {

    /** PCMU, then PCMA, telephone-event on 101, 20 ms packets: the PBX's defaults. */
    public static LocalAudio defaults(String address, int port) {
        return new LocalAudio(address, port, List.of(AudioFormat.PCMU, AudioFormat.PCMA), 101, 20);
    }

    /** @throws IllegalArgumentException for an empty codec list or an out-of-range value */
    public LocalAudio {
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no codec");
        }
        if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be dynamic: " + telephoneEventPayloadType);
        }
        if (ptime < 10 || ptime > 200) {
            throw new IllegalArgumentException("ptime " + ptime);
        }
    }

    /** This configuration with another RTP port/address (a new leg or a moved stream). */
    public LocalAudio at(String newAddress, int newPort) {
        return new LocalAudio(newAddress, newPort, formats, telephoneEventPayloadType, ptime);
    }
}
