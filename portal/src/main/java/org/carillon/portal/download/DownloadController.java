package org.carillon.portal.download;

import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Permission;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code GET /downloads/{name}}: a PBX package for any signed-in portal user, with its checksum in a header. */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DownloadController {
    private final DownloadShelf shelf;

    public DownloadController(DownloadShelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/downloads/{name}")
    public ResponseEntity<Resource> download(@PathVariable String name) {
        var file = shelf.file(name).orElseThrow(NotFoundException::new);
        var pkg = shelf.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Checksum-SHA256", pkg.sha256())
                .contentType(MediaType.parseMediaType("application/gzip"))
                .contentLength(pkg.bytes())
                .body(new FileSystemResource(file));
    }
}
