package dev.triage.core.report;

import dev.triage.core.finding.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** One piece of a report section; all text is plain text, escaped when written as Markdown. */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Table, Block.CodeBlock, Block.Image, Block.FindingsBlock {

    /**
     * A heading inside a section, written one level below the section's own heading.
     *
     * @param text the heading text
     */
    record Heading(String text) implements Block {

        /** Checks the text is present. */
        public Heading {
            Objects.requireNonNull(text, "heading text");
        }
    }

    /**
     * A paragraph of plain text; blank lines start new paragraphs.
     *
     * @param text the text
     */
    record Paragraph(String text) implements Block {

        /** Checks the text is present. */
        public Paragraph {
            Objects.requireNonNull(text, "paragraph text");
        }
    }

    /**
     * A table whose cells are plain text (pipes and line breaks are escaped when written).
     *
     * @param headers the column headers
     * @param rows the rows, each with one cell per header
     */
    record Table(List<String> headers, List<List<String>> rows) implements Block {

        /** Copies the lists and checks every row has one cell per header. */
        public Table {
            headers = List.copyOf(headers);
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("A table needs at least one column");
            }
            rows = rows.stream().map(List::copyOf).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != headers.size()) {
                    throw new IllegalArgumentException("Table row " + (i + 1) + " has " + rows.get(i).size()
                            + " cells, expected " + headers.size() + " (one per header)");
                }
            }
        }
    }

    /**
     * A block of code or raw output, written verbatim inside a fence longer than any backtick run in it.
     *
     * @param language the language for highlighting, such as {@code sql}; empty for none
     * @param text the code
     */
    record CodeBlock(String language, String text) implements Block {

        /** Checks the text is present and that the language is a single word. */
        public CodeBlock {
            language = language == null ? "" : language.strip();
            Objects.requireNonNull(text, "code text");
            if (!language.matches("[A-Za-z0-9_+.#-]*")) {
                throw new IllegalArgumentException("Code block language must be one word, got '" + language + "'");
            }
        }
    }

    /**
     * An image, written as a file under {@code assets/} and linked from the Markdown.
     *
     * @param altText the text shown when the image cannot be
     * @param fileName the file name, letters, digits, dot, dash and underscore only, such as {@code flame.svg}
     * @param bytes the image data
     * @param mediaType the media type: {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/svg+xml}
     */
    record Image(String altText, String fileName, byte[] bytes, String mediaType) implements Block {

        private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
        private static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/svg+xml");

        /** Checks the file name is a plain name and the media type is a known image type, and copies the bytes. */
        public Image {
            altText = altText == null ? "" : altText;
            if (fileName == null || !SAFE_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("Image file name '" + fileName
                        + "' must be a plain name of letters, digits, '.', '-' and '_'");
            }
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw new IllegalArgumentException("Image " + fileName + " has media type '" + mediaType
                        + "', expected one of " + MEDIA_TYPES);
            }
            bytes = bytes.clone();
        }

        /**
         * Returns a copy of the image data.
         *
         * @return the bytes
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Compares images by content.
         *
         * @param o the other object
         * @return true when every part, bytes included, is equal
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && altText.equals(i.altText) && fileName.equals(i.fileName)
                    && mediaType.equals(i.mediaType) && Arrays.equals(bytes, i.bytes);
        }

        /**
         * Hashes the image by content.
         *
         * @return the hash
         */
        @Override
        public int hashCode() {
            return Objects.hash(altText, fileName, mediaType, Arrays.hashCode(bytes));
        }

        /**
         * Describes the image without its bytes.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return "Image[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
        }
    }

    /**
     * Findings, written the one way every report shows them: severity badge, title, evidence, suggestion, source.
     *
     * @param findings the findings, shown most serious first
     */
    record FindingsBlock(List<Finding> findings) implements Block {

        /** Copies the findings sorted most serious first. */
        public FindingsBlock {
            findings = findings.stream().sorted(Finding.MOST_SERIOUS_FIRST).toList();
        }
    }
}
