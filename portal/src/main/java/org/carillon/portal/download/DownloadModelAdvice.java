package org.carillon.portal.download;

import org.carillon.portal.dashboard.DashboardController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Puts the PBX packages on the dashboard's quick links. */
@ControllerAdvice(assignableTypes = DashboardController.class)
public class DownloadModelAdvice {
    private final DownloadShelf shelf;

    public DownloadModelAdvice(DownloadShelf shelf) {
        this.shelf = shelf;
    }

    @ModelAttribute("downloads")
    public List<DownloadShelf.Package> downloads() {
        return shelf.packages();
    }
}
