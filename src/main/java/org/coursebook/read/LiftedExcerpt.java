package org.coursebook.read;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/**
 * A phrase marked {@code ==…==} for lifting as a pull-quote: a Flexmark inline node, parsed as a delimiter run
 * by the same rules (CommonMark's "left- and right-flanking delimiter runs", spec 0.30 §6.2) that Flexmark's
 * GFM strikethrough extension uses for {@code ~~…~~}. Being an inline delimiter, it is never seen inside code
 * spans, code blocks, link destinations or raw HTML. It renders as {@code <span class="lifted">…</span>}; the
 * transform that lifts the copy finds that span.
 */
public final class LiftedExcerpt extends Node implements DelimitedNode {
    private BasedSequence openingMarker = BasedSequence.NULL, text = BasedSequence.NULL, closingMarker = BasedSequence.NULL;

    LiftedExcerpt(BasedSequence openingMarker, BasedSequence text, BasedSequence closingMarker) {
        super(openingMarker.baseSubSequence(openingMarker.getStartOffset(), closingMarker.getEndOffset()));
        this.openingMarker = openingMarker;
        this.text = text;
        this.closingMarker = closingMarker;
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {openingMarker, text, closingMarker};
    }

    @Override
    public BasedSequence getOpeningMarker() {
        return openingMarker;
    }

    @Override
    public void setOpeningMarker(BasedSequence openingMarker) {
        this.openingMarker = openingMarker;
    }

    @Override
    public BasedSequence getText() {
        return text;
    }

    @Override
    public void setText(BasedSequence text) {
        this.text = text;
    }

    @Override
    public BasedSequence getClosingMarker() {
        return closingMarker;
    }

    @Override
    public void setClosingMarker(BasedSequence closingMarker) {
        this.closingMarker = closingMarker;
    }

    /** The Flexmark extension (parser and HTML renderer) that reads {@code ==…==} into {@link LiftedExcerpt} nodes. */
    static final class Extension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {}

        @Override
        public void extend(Parser.Builder builder) {
            builder.customDelimiterProcessor(new Markers());
        }

        @Override
        public void rendererOptions(MutableDataHolder options) {}

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(options -> new Renderer());
        }
    }

    /** {@code ==} opens where it is left-flanking and closes where it is right-flanking, as {@code ~~} does. */
    private static final class Markers implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '=';
        }

        @Override
        public char getClosingCharacter() {
            return '=';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return opener.length() >= 2 && closer.length() >= 2 ? 2 : 0;
        }

        @Override
        public void process(Delimiter opener, Delimiter closer, int delimitersUsed) {
            LiftedExcerpt node = new LiftedExcerpt(opener.getTailChars(delimitersUsed), BasedSequence.NULL,
                    closer.getLeadChars(delimitersUsed));
            opener.moveNodesBetweenDelimitersTo(node, closer);
        }

        @Override
        public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
            return null;
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation,
                                   boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
            return leftFlanking;
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation,
                                   boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
            return rightFlanking;
        }

        @Override
        public boolean skipNonOpenerCloser() {
            return false;
        }
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(LiftedExcerpt.class, (node, ctx, html) -> {
                html.raw("<span class=\"lifted\">");
                ctx.renderChildren(node);
                html.raw("</span>");
            }));
        }
    }
}
