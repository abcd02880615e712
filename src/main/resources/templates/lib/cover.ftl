<#-- The cover's text alternative, shared by the EPUB's cover page, the print cover and the download page. -->
<#function alt meta>
<#local s = "Cover of " + meta.title()>
<#if meta.subtitle()?has_content><#local s = s + ": " + meta.subtitle()></#if>
<#if meta.authors()?has_content><#local s = s + ", by " + meta.authors()?join(", ")></#if>
<#return s>
</#function>
