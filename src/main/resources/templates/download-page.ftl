<#-- The course website's download page (output/index.html). Self-contained: the stylesheet is inlined and
     the only other file it loads is the cover image beside it; no scripts. Every link points to a file of the
     build. `bookFiles` and `handouts` are the files to offer, each with href, fileName, type (ebook,
     print-book, print-file, handout), chapter (handouts), bytes, size, pages and sha256. -->
<#import "lib/cover.ftl" as c>
<#macro facts d>
<dl class="facts">
<div><dt>Size</dt><dd><data class="size" value="${d.bytes()?c}">${d.size()}</data></dd></div>
<#if d.pages() gt 0><div><dt>Pages</dt><dd class="pages">${d.pages()}</dd></div></#if>
<div class="checksum"><dt>SHA-256</dt><dd><code class="sha256">${d.sha256()}</code></dd></div>
</dl>
</#macro>
<#-- The page's own words are English; the book's (title, description, contents) carry the book's language. -->
<#assign bookLang><#if meta.language() != "en"> lang="${meta.language()}"</#if></#assign>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title()}: download the course book</title>
<#if meta.description()?has_content><meta name="description" content="${meta.description()}"></#if>
<style>
${css?no_esc}
</style>
</head>
<body>
<header class="masthead">
<div class="wrap">
<img class="cover" src="${cover.href}" width="${cover.width?c}" height="${cover.height?c}" alt="${c.alt(meta)}">
<div class="intro">
<h1${bookLang}>${meta.title()}</h1>
<#if meta.subtitle()?has_content><p class="subtitle"${bookLang}>${meta.subtitle()}</p></#if>
<#if meta.authors()?has_content><p class="authors">By ${meta.authors()?join(", ")}</p></#if>
<#if meta.description()?has_content><p class="description"${bookLang}>${meta.description()}</p></#if>
<p class="built">Built on <time datetime="${builtIso}">${builtText}</time>.</p>
</div>
</div>
</header>
<main class="wrap">
<section class="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">Download the book</h2>
<#if bookFiles?has_content>
<ul class="files">
<#list bookFiles as d>
<li class="file ${d.type()}">
<h3><a href="${d.href()}" download><#switch d.type()><#case "ebook">${meta.title()}, e-book (EPUB)<#break><#case "print-book">${meta.title()}, print edition (PDF)<#break><#default><#if d.href()?ends_with("-cover.pdf")>${meta.title()}, front cover for printing (PDF)<#else>${d.fileName()}</#if></#switch></a></h3>
<p class="what"><#switch d.type()><#case "ebook">For phones, tablets and e-readers: the text reflows to fit the screen, with a linked contents and notes.<#break><#case "print-book">For printing or reading on a computer: numbered pages, notes at the foot of the page.<#break><#default><#if d.href()?ends_with("-cover.pdf")>The cover as a page of the book's size, for a print shop.<#else>A print file of the book.</#if></#switch></p>
<@facts d/>
</li>
</#list>
</ul>
<#else>
<p>This build made no e-book or PDF.</p>
</#if>
</section>
<#if handouts?has_content>
<section class="handouts" aria-labelledby="handouts-title">
<h2 id="handouts-title">Lecture handouts</h2>
<p>One handout per chapter, with its lecture points and key terms.</p>
<ul class="files">
<#list handouts as d>
<li class="file handout">
<h3><a href="${d.href()}" download><#if d.isAllHandouts()>All the handouts in one file (PDF)<#elseif d.chapter()??>Handout for <#if d.chapter().isNumbered()>chapter ${d.chapter().number()}, </#if>${d.chapter().title()} (PDF)<#else>Handout ${d.fileName()}</#if></a></h3>
<@facts d/>
</li>
</#list>
</ul>
</section>
</#if>
<section class="check" aria-labelledby="check-title">
<h2 id="check-title">Checking a download</h2>
<p>Each file's SHA-256 checksum above lets you confirm that your copy is complete and unaltered. Compute it with <code>sha256sum <var>file</var></code> on Linux, <code>shasum -a 256 <var>file</var></code> on macOS or <code>certutil -hashfile <var>file</var> SHA256</code> on Windows, and compare.</p>
</section>
<section class="contents" aria-labelledby="contents-title">
<h2 id="contents-title">Contents</h2>
<ol class="toc"${bookLang}>
<#list book.allParts() as ch>
<li class="part ${ch.kind()?lower_case}">
<h3><#if ch.isNumbered()><span class="number">${ch.isAppendix()?then(ch.label(), ch.numeral())}</span> </#if>${ch.title()}</h3>
<#if ch.subtitle()?has_content><p class="subtitle">${w.inlines(ch, ch.subtitle())?no_esc}</p></#if>
<#if ch.summary()?has_content><p class="summary">${w.inlines(ch, ch.summary())?no_esc}</p></#if>
<#if ch.isNumbered() && ch.sections()?has_content>
<details>
<summary>${ch.sections()?size} section<#if ch.sections()?size != 1>s</#if></summary>
<ol class="sections">
<#list ch.sections() as s><li><span class="number">${s.number()}</span> ${w.inlines(ch, s.content())?no_esc}</li>
</#list></ol>
</details>
</#if>
</li>
</#list>
</ol>
</section>
</main>
<footer class="colophon">
<div class="wrap">
<#if meta.rights()?has_content><p>${meta.rights()}</p></#if>
<#if meta.license()?has_content><p>Licence: ${meta.license()}</p></#if>
<p>Built with coursebook on <time datetime="${builtIso}">${builtText}</time>.</p>
</div>
</footer>
</body>
</html>
