<#-- A page of the web edition: one part (preface, chapter, chronology, glossary…), written as the EPUB writes it
     (lib/parts.ftl's chapterBody, with the web edition's writer `w`), in the frame of lib/web.ftl. Also given:
     `prev` and `next` (the parts before and after, if any), `handout` (the chapter's handout from this build or
     an earlier one, if there is one: href, size(), pages()), `downloadRoot` (where the downloads are, "../"). -->
<#import "lib/parts.ftl" as p>
<#import "lib/web.ftl" as web>
<@web.page title=web.partName(chapter) + " · " + meta.title() current=chapter.slug() description=chapter.summary()?has_content?then(w.plain(chapter.summary()), "")>
<@p.chapterBody chapter/>
<#if handout??>
<p class="handout-link"><a href="${downloadRoot}${handout.href()}">Lecture handout for <#if chapter.isNumbered()>chapter ${chapter.number()}<#else>${chapter.title()}</#if></a> <span class="file-facts">(PDF, <#if handout.pages() gt 0>${handout.pages()} page<#if handout.pages() != 1>s</#if>, </#if>${handout.size()})</span></p>
</#if>
<#if prev?? || next??>
<nav class="pager" aria-label="Previous and next">
<#if prev??><a class="pager-prev" rel="prev" href="${w.href(prev, "")}"><span class="pager-label">Previous</span> <span class="pager-title">${web.partName(prev)}</span></a></#if>
<#if next??><a class="pager-next" rel="next" href="${w.href(next, "")}"><span class="pager-label">Next</span> <span class="pager-title">${web.partName(next)}</span></a></#if>
</nav>
</#if>
</@web.page>
