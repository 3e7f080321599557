package org.carillon.licensekey.keypair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 key pairs with the JDK's own provider, and their PEM files (RFC 7468): private keys as PKCS#8
 * ({@code PRIVATE KEY}, RFC 8410 §7), public keys as X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}).
 * Reading tolerates explanatory text around the PEM block, as RFC 7468 §2 allows. Stateless, thread-safe.
 */
public final class Ed25519Keys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    /** A new key pair from the given randomness. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
    }

    /** PEM text of a private key. The result is a secret. */
    public static String toPem(PrivateKey key) {
        requireEd25519(key);
        return Pem.encode(PRIVATE, key.getEncoded());
    }

    /** PEM text of a public key. */
    public static String toPem(PublicKey key) {
        requireEd25519(key);
        return Pem.encode(PUBLIC, key.getEncoded());
    }

    /** @throws InvalidKeyFileException if the text holds no Ed25519 PKCS#8 private key */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(PRIVATE, pem)));
            requireEd25519(key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyFileException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** @throws InvalidKeyFileException if the text holds no Ed25519 X.509 public key */
    public static PublicKey readPublicKey(String pem) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Pem.decode(PUBLIC, pem)));
            requireEd25519(key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyFileException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** @throws InvalidKeyFileException if unreadable or not a private key */
    public static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(read(file));
    }

    /** @throws InvalidKeyFileException if unreadable or not a public key */
    public static PublicKey readPublicKey(Path file) {
        return readPublicKey(read(file));
    }

    /**
     * Writes {@code <name>.private.pem} (owner read/write only where the file system has POSIX
     * permissions) and {@code <name>.public.pem} into {@code dir}, refusing to overwrite either.
     *
     * @return the private key file
     * @throws IOException if a file exists or cannot be written
     */
    public static Path write(KeyPair pair, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(name + ".private.pem");
        Path pub = dir.resolve(name + ".public.pem");
        if (Files.exists(priv) || Files.exists(pub)) {
            throw new IOException("refusing to overwrite keys named " + name + " in " + dir);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(priv, toPem(pair.getPrivate()), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(pub, toPem(pair.getPublic()), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        return priv;
    }

    /** @throws IllegalArgumentException unless {@code key} is an Ed25519 key (not Ed448, not RSA...) */
    public static void requireEd25519(java.security.Key key) {
        if (!(key instanceof EdECKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidKeyFileException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** RFC 7468 textual encoding: base64 wrapped at 64 columns between BEGIN/END lines. */
    private static final class Pem {

        static String encode(String label, byte[] der) {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
        }

        static byte[] decode(String label, String text) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int b = text.indexOf(begin);
            int e = b < 0 ? -1 : text.indexOf(end, b);
            if (b < 0 || e < 0) {
                throw new IllegalArgumentException("no " + begin + " ... " + end + " block");
            }
            String body = text.substring(b + begin.length(), e).replaceAll("\\s+", "");
            return Base64.getDecoder().decode(body);
        }
    }
}
