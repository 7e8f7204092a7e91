package dev.triage.core.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/** Conversions and file writes for secret material that leave no extra copies behind where Java allows. */
final class SecretBytes {

    private SecretBytes() {
    }

    /** Encodes characters as UTF-8 without going through a String, wiping the encoder's buffer. */
    static byte[] utf8(char[] chars) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(chars));
            byte[] out = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
            Arrays.fill(buffer.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The secret is not valid text (unpaired surrogate)", e);
        }
    }

    /** Decodes UTF-8 into characters without going through a String, wiping the decoder's buffer. */
    static char[] chars(byte[] utf8) throws CharacterCodingException {
        CharBuffer buffer = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8));
        char[] out = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), '\0');
        return out;
    }

    /** Writes a file through a temporary sibling readable only by its owner (where the file system has POSIX permissions). */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
