<#-- Shared building blocks: every output renders a chapter's body through these macros, so the EPUB,
     the print book and the handouts all carry the same XHTML. -->
<#-- A part's body. `w` is the writer of the output (XhtmlWriter): it writes the blocks, the notes and every id
     and link, so that one template serves the EPUB (a file a part), the print book (one document) and the
     handouts. `runningHead`, when given, is written at the end of the opener (the print book's running head). -->
<#macro chapterBody ch runningHead="">
<section class="part ${ch.kind()?lower_case}" id="${ch.slug()}" epub:type="<#if ch.isAppendix()>appendix<#elseif ch.isNumbered()>chapter<#elseif ch.isGlossary()>glossary<#elseif ch.generated() == 'index'>index<#elseif ch.generated() == 'tables'>lot<#elseif ch.generated() == 'figures'>loi<#elseif ch.kind()?string == 'FRONT'>preface<#else>appendix</#if>" role="<#if ch.isAppendix()>doc-appendix<#elseif ch.isNumbered()>doc-chapter<#elseif ch.isGlossary()>doc-glossary<#elseif ch.generated() == 'index'>doc-index<#elseif ch.generated()?has_content>region<#elseif ch.kind()?string == 'FRONT'>doc-preface<#else>doc-appendix</#if>" aria-labelledby="${ch.slug()}-title">
<header class="opener">
<#if ch.isNumbered()><p class="chapter-label">${ch.label()}</p></#if>
<h1 class="part-title" id="${w.id(ch, ch.slug() + "-title")}">${ch.title()}</h1>
<#if ch.subtitle()?has_content><p class="subtitle">${w.inlines(ch, ch.subtitle())?no_esc}</p></#if>
<#if ch.summary()?has_content><p class="summary">${w.inlines(ch, ch.summary())?no_esc}</p></#if>
<#if runningHead?has_content>${runningHead}</#if></header>
<#if ch.lecturePoints()?has_content>
<aside class="lecture-points" aria-labelledby="${ch.slug()}-lecture">
<h2 class="box-title" id="${w.id(ch, ch.slug() + "-lecture")}">Lecture bullet points</h2>
<ul>
<#list ch.lecturePoints() as p><li>${w.inlines(ch, p.content())?no_esc}</li>
</#list></ul>
</aside>
</#if>
${w.blocks(ch)?no_esc}<#if ch.footnotes()?has_content && w.notesAtEnd()>
<section class="notes" epub:type="footnotes" aria-labelledby="${ch.slug()}-notes">
<h2 class="notes-title" id="${ch.slug()}-notes">Notes</h2>
<#list ch.footnotes() as f>
<aside class="footnote" epub:type="footnote" role="doc-footnote" id="${f.id()}">${w.note(ch, f)?no_esc}</aside>
</#list>
</section>
</#if>
</section>
</#macro>

<#-- One block of a part, as the output's writer writes it. -->
<#macro block ch b>${w.block(ch, b)?no_esc}</#macro>

<#-- The table of contents: parts, and the numbered sections of each chapter. -->
<#macro tocList book withPages=false>
<ol class="toc-list">
<#assign openPart = "">
<#list book.allParts() as ch>
<#-- the chapters of a part of the book (mdBook's '# Part', Quarto's part:) are listed under its title -->
<#if ch.part() != openPart><#if openPart?has_content></ol></li>
</#if><#if ch.part()?has_content><li class="toc-part"><span class="toc-part-title">${ch.part()}</span><ol class="toc-list">
</#if><#assign openPart = ch.part()></#if>
<li class="toc-${ch.kind()?lower_case}"><a href="${w.href(ch, "")}"<#if withPages> title="${ch.title()}"</#if>><#if ch.isNumbered()><span class="toc-number">${ch.isAppendix()?then(ch.label(), ch.numeral())}</span> </#if><span class="toc-title">${ch.title()}</span></a>
<#if ch.isNumbered() && ch.sections()?has_content><ol class="toc-sections">
<#list ch.sections() as s><li><a href="${w.href(ch, s.id())}"<#if withPages> title="${s.text()}"</#if>><span class="toc-number">${s.number()}</span> <span class="toc-title">${w.inlines(ch, s.content())?no_esc}</span></a></li>
</#list></ol></#if></li>
</#list>
<#if openPart?has_content></ol></li>
</#if></ol>
</#macro>

<#macro titlePage book>
<section class="title-page" epub:type="titlepage" id="title-page" aria-label="Title page">
<h1 class="book-title">${meta.title()}</h1>
<#if meta.subtitle()?has_content><p class="book-subtitle">${meta.subtitle()}</p></#if>
<p class="book-authors"><#list meta.authors() as a>${a}<#sep><br/></#list></p>
</section>
</#macro>

<#macro copyrightPage book>
<section class="copyright-page" epub:type="copyright-page" id="copyright-page" aria-label="Copyright">
<p class="cp-title"><cite>${meta.title()}</cite><#if meta.subtitle()?has_content>: ${meta.subtitle()}</#if></p>
<p>${meta.authors()?join(", ")}</p>
<#if meta.rights()?has_content><p>${meta.rights()}</p></#if>
<#if meta.license()?has_content><p>Licence: <a href="${meta.license()}"<#if w.linkTitles()> title="Link to ${meta.license()}"</#if>>${meta.license()}</a></p></#if>
<p>Published ${meta.date().toString()}. Identifier: ${meta.identifier()}</p>
<p>Set in Liberation Serif and Liberation Sans (SIL Open Font License 1.1). Built with coursebook.</p>
<#if book.meta().description()?has_content><p class="cp-description">${meta.description()}</p></#if>
</section>
</#macro>
