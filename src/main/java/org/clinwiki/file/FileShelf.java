package org.clinwiki.file;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinwiki.db.Database;
import org.clinwiki.render.EmbeddedFile;
import org.clinwiki.render.FileSource;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/** The current version of each live file, for pages that show files. Thread-safe. */
public final class FileShelf implements FileSource {

    private final Database database;

    public FileShelf(Database database) {
        this.database = database;
    }

    @Override
    public Map<Title, EmbeddedFile> find(Collection<Title> files) {
        List<String> names = files.stream().filter(title -> title.namespace() == Namespace.FILE).map(Title::name).distinct().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<Title, EmbeddedFile> found = new HashMap<>();
        for (FileStore.NamedVersion named : database.read(FileStore.class, store -> store.latestOf(names))) {
            Title title = new Title(Namespace.FILE, named.name());
            FileVersion version = named.version();
            found.put(title, new EmbeddedFile(title, version.id(), kind(version.mediaType()), version.width(), version.height()));
        }
        return found;
    }

    static EmbeddedFile.Kind kind(String mediaType) {
        return switch (FileType.ofMediaType(mediaType).display()) {
            case RASTER -> EmbeddedFile.Kind.RASTER;
            case VECTOR -> EmbeddedFile.Kind.VECTOR;
            case DOWNLOAD -> EmbeddedFile.Kind.DOCUMENT;
        };
    }
}
