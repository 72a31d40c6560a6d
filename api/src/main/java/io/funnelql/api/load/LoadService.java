package io.funnelql.api.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.api.BadInputException;
import io.funnelql.api.BodyTooLargeException;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.history.LoadHistory;
import io.funnelql.warehouse.history.LoadRecord;
import io.funnelql.warehouse.load.HeaderMapping;
import io.funnelql.warehouse.load.InputFormat;
import io.funnelql.warehouse.load.LoadProblem;
import io.funnelql.warehouse.load.LoadRejectedException;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/**
 * Loads uploaded files into the current workspace and reads its load history.
 *
 * <p>An upload is streamed to a temporary file (never held in memory), loaded all-or-nothing, and deleted.
 * Messages name the file as the user named it, never the temporary file.
 */
@Service
public class LoadService {

    private static final Logger log = LoggerFactory.getLogger(LoadService.class);
    private static final int MAX_FILE_NAME = 255;

    private final Workspaces workspaces;

    public LoadService(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * Loads one uploaded file.
     *
     * @param dataset the dataset's id ({@code contacts})
     * @param contentType the upload's media type; it must name CSV, Parquet or Arrow IPC (the content itself
     *        decides how the file is read)
     * @param fileName the original file name for messages and the history; {@code null}: {@code upload.<ext>}
     * @param map the user's header mapping as {@code column=header} pairs
     * @param body the file's bytes; read to the end
     * @throws UnknownDatasetException when no dataset has that id; nothing is read
     * @throws UnsupportedUploadException when the media type is none of the formats; nothing is read
     * @throws BadInputException for a malformed mapping or an interrupted upload
     * @throws LoadRejectedException listing the file's problems; nothing was loaded
     */
    public LoadResult load(String dataset, @Nullable String contentType, @Nullable String fileName, List<String> map,
                           InputStream body) {
        Dataset target = dataset(dataset);
        InputFormat format = format(contentType);
        HeaderMapping mapping = mapping(map);
        String name = fileName(fileName, format);
        Path directory = temporaryDirectory();
        Path file = directory.resolve("upload." + extension(format));
        try {
            copy(body, file);
            return workspaces.current().service(Loader.class, Loader::new)
                    .load(new LoadRequest(target, file, name, mapping));
        } catch (LoadRejectedException e) {
            throw withoutPath(e, file, name);
        } finally {
            delete(directory);
        }
    }

    /**
     * The current workspace's load history, newest first.
     *
     * @param dataset only this dataset's loads; {@code null}: all
     * @throws UnknownDatasetException when no dataset has that id
     */
    public List<LoadRecord> history(@Nullable String dataset) {
        Optional<Dataset> only = dataset == null ? Optional.empty() : Optional.of(dataset(dataset));
        return workspaces.current().service(LoadHistory.class, LoadHistory::new).list(only);
    }

    static Dataset dataset(String id) {
        return Dataset.byId(id).orElseThrow(() -> new UnknownDatasetException(id));
    }

    private static InputFormat format(@Nullable String contentType) {
        return Optional.ofNullable(contentType).flatMap(InputFormat::byMediaType)
                .orElseThrow(() -> new UnsupportedUploadException(contentType));
    }

    private static HeaderMapping mapping(List<String> pairs) {
        try {
            return HeaderMapping.parse(pairs);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(String.valueOf(e.getMessage()));
        }
    }

    /** The name as given, without any directories, shortened; or {@code upload.<ext>}. */
    static String fileName(@Nullable String given, InputFormat format) {
        String name = given == null ? "" : given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            return "upload." + extension(format);
        }
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }

    private static String extension(InputFormat format) {
        return switch (format) {
            case CSV -> "csv";
            case PARQUET -> "parquet";
            case ARROW -> "arrow";
        };
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("funnelql-upload-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for an upload", e);
        }
    }

    private static void copy(InputStream body, Path file) {
        try (body) {
            Files.copy(body, file);
        } catch (BodyTooLargeException e) {
            throw new UploadTooLargeException(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new BadInputException("The upload could not be read to its end (" + e.getMessage()
                    + "); nothing was loaded. Send it again.");
        }
    }

    /** The same problems with the temporary file's path, should a message quote it, replaced by the user's name. */
    private static LoadRejectedException withoutPath(LoadRejectedException e, Path file, String name) {
        List<LoadProblem> problems = e.problems().stream()
                .map(p -> new LoadProblem(p.file(), p.line(), p.row(), p.column(), p.value(),
                        hidePath(p.message(), file, name)))
                .toList();
        return new LoadRejectedException(problems, e.totalProblems());
    }

    private static String hidePath(String message, Path file, String name) {
        return message.replace(file.toAbsolutePath().toString(), name)
                .replace(String.valueOf(file.toAbsolutePath().getParent()), "");
    }

    private static void delete(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not delete the upload directory {}: {}", directory, e.getMessage());
        }
    }
}
