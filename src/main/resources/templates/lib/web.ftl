<#-- The web edition's page frame (render/web/WebEditionRenderer): the head, the skip link, the header with the
     search box (hidden until search.js shows it: the pages need no script), the contents sidebar and the footer.
     Pages are HTML 5 (served as text/html); the book's blocks inside them are the EPUB's XHTML, which is valid
     HTML syntax too. Every link is relative, within web/ (downloads at ../), so the edition works from file://. -->

<#-- A part's name as lists show it: "Chapter 3. Soviet Ideology", or the title alone. -->
<#function partName ch><#if ch.isNumbered()><#return ch.label() + ". " + ch.title()><#else><#return ch.title()></#if></#function>

<#-- The page: `title` for <title>, `current` the slug of the part shown ("" on the front page), `withContents`
     whether to show the contents sidebar (the parts in the model's `sidebar`); the page's own content is the
     macro's body. -->
<#macro page title current="" description="" withContents=true>
<!DOCTYPE html>
<html lang="${meta.language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<#if description?has_content><meta name="description" content="${description}"></#if>
<#list stylesheets as css><link rel="stylesheet" href="${css}">
</#list><#if prev??><link rel="prev" href="${w.href(prev, "")}">
</#if><#if next??><link rel="next" href="${w.href(next, "")}">
</#if><script src="search.js" defer></script>
</head>
<body<#if current?has_content> class="part-page"<#else> class="front-page"</#if>>
<a class="skip-link" href="#main">Skip to the text</a>
<header class="site-header">
<div class="site-bar">
<a class="site-title" href="index.html"<#if !current?has_content> aria-current="page"</#if>>${meta.title()}</a>
<form class="search" id="search" role="search" action="#" hidden>
<label for="search-input" class="search-label">Search the book</label>
<input id="search-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-status">
<p id="search-status" class="search-status" role="status"></p>
<ol id="search-results" class="search-results" aria-label="Search results"></ol>
</form>
</div>
</header>
<div class="layout<#if !withContents> no-sidebar</#if>">
<#if withContents><@contents current/></#if>
<main id="main" tabindex="-1">
<#nested>
</main>
</div>
<footer class="site-footer">
<p><cite>${meta.title()}</cite><#if meta.authors()?has_content>, by ${meta.authors()?join(", ")}</#if>.<#if meta.rights()?has_content> ${meta.rights()}</#if></p>
<#if meta.license()?has_content><p>Licence: <a href="${meta.license()}">${meta.license()}</a></p></#if>
<p>Built with coursebook on <time datetime="${builtIso}">${builtText}</time>.</p>
</footer>
</body>
</html>
</#macro>

<#-- The contents sidebar: a <details> that a phone shows folded and a wide screen open (web.css). A book of many
     parts lists those near the page's own (`sidebar`), and links to the front page's full contents. -->
<#macro contents current>
<nav class="contents" aria-label="Contents">
<details class="contents-box">
<summary class="contents-title">Contents</summary>
<ol class="contents-list">
<#list sidebar as ch>
<li class="contents-${ch.kind()?lower_case}"><a href="${w.href(ch, "")}"<#if ch.slug() == current> aria-current="page"</#if>><#if ch.isNumbered()><span class="contents-number">${ch.number()}</span> </#if><span class="contents-text">${ch.title()}</span></a>
<#if ch.slug() == current && ch.sections()?has_content><ol class="contents-sections">
<#list ch.sections() as s><li><a href="${w.href(ch, s.id())}"><#if s.number()?has_content><span class="contents-number">${s.number()}</span> </#if><span class="contents-text">${w.inlines(ch, s.content())?no_esc}</span></a></li>
</#list></ol></#if></li>
</#list>
</ol>
<#if !sidebarAll><p class="contents-all"><a href="index.html#contents">All ${parts?size} parts</a></p></#if>
</details>
</nav>
</#macro>
