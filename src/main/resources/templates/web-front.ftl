<#-- The web edition's front page (web/index.html): cover, title, description, the contents with each part's
     summary, and the downloads. `bookFiles` and `handouts` are the files to offer, as the download page gets them
     (href, fileName, type: ebook, print-book, print-file, handout; chapter for a handout; bytes, size(), pages(),
     sha256()); they are linked at `downloadRoot` ("../": the web edition sits in web/ beside them). -->
<#import "lib/cover.ftl" as c>
<#import "lib/web.ftl" as web>
<#macro fileName d><#switch d.type()><#case "ebook">${meta.title()}, e-book (EPUB)<#break><#case "print-book">${meta.title()}, print edition (PDF)<#break><#case "handout"><#if d.isAllHandouts()>All the handouts in one file (PDF)<#elseif d.chapter()??>Handout for <#if d.chapter().isNumbered()>chapter ${d.chapter().number()}, </#if>${d.chapter().title()} (PDF)<#else>Handout ${d.fileName()}</#if><#break><#default><#if d.href()?ends_with("-cover.pdf")>${meta.title()}, front cover for printing (PDF)<#else>${d.fileName()}</#if></#switch></#macro>
<#macro facts d><span class="file-facts"><#if d.pages() gt 0>${d.pages()} page<#if d.pages() != 1>s</#if>, </#if><data value="${d.bytes()?c}">${d.size()}</data></span></#macro>
<@web.page title=meta.title() + (meta.subtitle()?has_content)?then(": " + meta.subtitle(), "") description=meta.description() withContents=false>
<section class="masthead" aria-labelledby="book-title">
<img class="cover" src="${cover.href}" width="${cover.width?c}" height="${cover.height?c}" alt="${c.alt(meta)}">
<div class="intro">
<h1 id="book-title">${meta.title()}</h1>
<#if meta.subtitle()?has_content><p class="subtitle">${meta.subtitle()}</p></#if>
<#if meta.authors()?has_content><p class="authors">By ${meta.authors()?join(", ")}</p></#if>
<#if meta.description()?has_content><p class="description">${meta.description()}</p></#if>
<#if parts?has_content><p class="start"><a class="start-reading" href="${w.href(parts[0], "")}">Start reading: ${web.partName(parts[0])}</a></p></#if>
<#if bookFiles?has_content || handouts?has_content><p class="to-downloads"><a href="#downloads">Download the book<#if handouts?has_content> and the lecture handouts</#if></a></p></#if>
</div>
</section>
<section class="toc" id="contents" aria-labelledby="contents-title">
<h2 id="contents-title">Contents</h2>
<ol class="toc-parts">
<#list parts as ch>
<li class="toc-part toc-${ch.kind()?lower_case}">
<h3><a href="${w.href(ch, "")}"><#if ch.isNumbered()><span class="number">${ch.number()}</span> </#if><span class="toc-title">${ch.title()}</span></a></h3>
<#if ch.subtitle()?has_content><p class="subtitle">${w.inlines(ch, ch.subtitle())?no_esc}</p></#if>
<#if ch.summary()?has_content><p class="summary">${w.inlines(ch, ch.summary())?no_esc}</p></#if>
</li>
</#list>
</ol>
</section>
<#if bookFiles?has_content || handouts?has_content>
<section class="downloads" id="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">Download the book</h2>
<#if bookFiles?has_content>
<ul class="files">
<#list bookFiles as d>
<li class="file ${d.type()}"><a href="${downloadRoot}${d.href()}" download><@fileName d/></a> <@facts d/></li>
</#list>
</ul>
</#if>
<#if handouts?has_content>
<h3 id="handouts-title">Lecture handouts</h3>
<p>One handout per chapter, with its lecture points and key terms.</p>
<ul class="files handouts">
<#list handouts as d>
<li class="file handout"><a href="${downloadRoot}${d.href()}" download><@fileName d/></a> <@facts d/></li>
</#list>
</ul>
</#if>
<details class="checksums">
<summary>Checksums (SHA-256)</summary>
<p>Compare a file's checksum with its copy's to confirm the download is complete and unaltered: <code>sha256sum <var>file</var></code> on Linux, <code>shasum -a 256 <var>file</var></code> on macOS, <code>certutil -hashfile <var>file</var> SHA256</code> on Windows.</p>
<ul class="sums">
<#list bookFiles + handouts as d>
<li><span class="sum-file">${d.fileName()}</span> <code class="sha256">${d.sha256()}</code></li>
</#list>
</ul>
</details>
</section>
</#if>
</@web.page>
