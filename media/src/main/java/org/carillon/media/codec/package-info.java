/** Codecs: G.711 µ-law/A-law by table (bit-exact with ITU-T G.191), the Codec interface, transcoding. */
package org.carillon.media.codec;
