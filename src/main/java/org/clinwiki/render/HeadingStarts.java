package org.clinwiki.render;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's own heading parser, asked only about lines that can start a heading ({@code #})
 * or underline one ({@code =}, {@code -}). Asked about every line, it gathered the whole
 * paragraph so far each time to see whether the line underlines it: quadratic in a paragraph's
 * length, which a long table or a block of reference definitions is (20,000 lines took 2.5 s).
 */
final class HeadingStarts implements Parser.ParserExtension, CustomBlockParserFactory {

    private final HeadingParser.Factory headings = new HeadingParser.Factory();

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customBlockParserFactory(this);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory parser = headings.apply(options);
        return (state, matched) -> mayStartHeading(state) ? parser.tryStart(state, matched) : BlockStart.none();
    }

    private static boolean mayStartHeading(ParserState state) {
        BasedSequence line = state.getLine();
        int first = state.getNextNonSpaceIndex();
        char c = first < line.length() ? line.charAt(first) : '\0';
        return c == '#' || c == '=' || c == '-';
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return headings.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return headings.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return headings.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return headings.getLeadInHandler(options);
    }
}
