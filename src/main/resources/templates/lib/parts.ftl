<#-- Shared building blocks: every output renders a chapter's body through these macros, so the EPUB,
     the print book and the handouts all carry the same XHTML. -->
<#macro chapterBody ch>
<section class="part ${ch.kind()?lower_case}" id="${ch.slug()}" epub:type="<#if ch.isNumbered()>chapter<#elseif ch.slug() == 'glossary'>glossary<#elseif ch.kind()?string == 'FRONT'>preface<#else>appendix</#if>" role="<#if ch.isNumbered()>doc-chapter<#elseif ch.slug() == 'glossary'>doc-glossary<#elseif ch.kind()?string == 'FRONT'>doc-preface<#else>doc-appendix</#if>" aria-labelledby="${ch.slug()}-title">
<header class="opener">
<#if ch.isNumbered()><p class="chapter-label">${ch.label()}</p></#if>
<h1 class="part-title" id="${ch.slug()}-title">${ch.title()}</h1>
<#if ch.subtitle()?has_content><p class="subtitle">${ch.subtitle()?no_esc}</p></#if>
<#if ch.summary()?has_content><p class="summary">${ch.summary()?no_esc}</p></#if>
</header>
<#if ch.lecturePoints()?has_content>
<aside class="lecture-points" aria-labelledby="${ch.slug()}-lecture">
<h2 class="box-title" id="${ch.slug()}-lecture">Lecture bullet points</h2>
<ul>
<#list ch.lecturePoints() as p><li>${p.html()?no_esc}</li>
</#list></ul>
</aside>
</#if>
<#list ch.blocks() as b><@block b/>
</#list>
<#if ch.footnotes()?has_content>
<section class="notes" epub:type="footnotes" aria-labelledby="${ch.slug()}-notes">
<h2 class="notes-title" id="${ch.slug()}-notes">Notes</h2>
<#list ch.footnotes() as f>
<aside class="footnote" epub:type="footnote" role="doc-footnote" id="${f.id()}"><#if f.xhtml()?contains("<p")><p class="note-number"><a href="#ref-${f.id()}" title="Back to the text">${f.number()}</a></p>${f.xhtml()?no_esc}<#else><p><a class="note-number" href="#ref-${f.id()}" title="Back to the text">${f.number()}</a> ${f.xhtml()?no_esc}</p></#if></aside>
</#list>
</section>
</#if>
</section>
</#macro>

<#macro block b>
<#switch b.type()>
<#case "heading"><h${b.level()} id="${b.id()}"><#if b.number()?has_content><span class="number">${b.number()}</span> </#if>${b.html()?no_esc}</h${b.level()}><#break>
<#case "prose">${b.xhtml()?no_esc}<#break>
<#case "sidebar"><aside class="sidebar" epub:type="sidebar"><p class="sidebar-title">${b.titleHtml()?no_esc}</p>
${b.xhtml()?no_esc}</aside><#break>
<#case "pullquote">
<#if b.isPrimary()><figure class="pullquote primary"><blockquote>${b.xhtml()?no_esc}</blockquote><figcaption>— ${b.attribution().speaker()}<#if b.attribution().workHtml()?has_content>, <cite>${b.attribution().workHtml()?no_esc}</cite></#if>, ${b.attribution().year()}</figcaption></figure>
<#else><aside class="pullquote lifted" epub:type="pullquote" role="doc-pullquote" aria-hidden="true"><p>${b.xhtml()?no_esc}</p></aside></#if><#break>
</#switch>
</#macro>

<#-- The table of contents: parts, and the numbered sections of each chapter. -->
<#macro tocList book withPages=false>
<ol class="toc-list">
<#list book.allParts() as ch>
<li class="toc-${ch.kind()?lower_case}"><a href="${ch.fileName()}"<#if withPages> title="${ch.title()}"</#if>><#if ch.isNumbered()><span class="toc-number">${ch.number()}</span> </#if><span class="toc-title">${ch.title()}</span></a>
<#if ch.isNumbered() && ch.sections()?has_content><ol class="toc-sections">
<#list ch.sections() as s><li><a href="${ch.fileName()}#${s.id()}"<#if withPages> title="${s.text()}"</#if>><span class="toc-number">${s.number()}</span> <span class="toc-title">${s.html()?no_esc}</span></a></li>
</#list></ol></#if></li>
</#list>
</ol>
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
<#if meta.license()?has_content><p>Licence: <a href="${meta.license()}">${meta.license()}</a></p></#if>
<p>Published ${meta.date().toString()}. Identifier: ${meta.identifier()}</p>
<p>Set in Liberation Serif and Liberation Sans (SIL Open Font License 1.1). Built with coursebook.</p>
<#if book.meta().description()?has_content><p class="cp-description">${meta.description()}</p></#if>
</section>
</#macro>
