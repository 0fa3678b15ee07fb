package org.takedown.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The bytes of a file an officer uploaded through a console form (already bounded by the request size limit). */
final class UploadedFiles {

    private UploadedFiles() {}

    static boolean present(FileUpload upload) {
        return upload != null && upload.size() > 0;
    }

    static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
