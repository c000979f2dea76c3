using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.Audit;

/// <summary>
/// Renders an <see cref="AccessMatrix"/> and lint findings as one self-contained HTML page (inline CSS, no scripts,
/// no external assets). The markup is also well-formed XML, and every cell carries data- attributes with its
/// verdicts, so tools (and the tests) can read the page back.
/// </summary>
public static class AccessMatrixHtml
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d1d1f}" +
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;font-size:.9em}" +
        "thead th{background:#f0f0f0;position:sticky;top:0}" +
        "td.allowed{background:#d4f4dd}td.denied{background:#f8d7da}td.divergent{background:#ffe08a;font-weight:bold}" +
        "tr.extra th{font-style:italic}.legend span{display:inline-block;padding:.1em .6em;margin-right:.5em;border:1px solid #ccc}" +
        ".legend .allowed{background:#d4f4dd}.legend .denied{background:#f8d7da}.legend .divergent{background:#ffe08a}" +
        "tr.Error td:first-child{color:#a00;font-weight:bold}tr.Warning td:first-child{color:#a60}";

    /// <summary>The page for <paramref name="matrix"/> with cells coloured under <paramref name="semantics"/>, and the findings below.</summary>
    public static string Render(AccessMatrix matrix, Semantics semantics, IReadOnlyList<LintFinding> findings)
    {
        var html = new StringBuilder(256 + (matrix.Models.Count * matrix.Roles.Count * 200));
        var divergent = 0;
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                divergent += matrix.Cell(m, r).Divergent ? 1 : 0;
            }
        }

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>ModelRbac access matrix</title>\n<style>")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>Access matrix</h1>\n");
        html.Append("<p id=\"summary\" data-config=\"").Append(Escape(matrix.Config.Path ?? "<yaml>"))
            .Append("\" data-semantics=\"").Append(semantics).Append("\" data-models=\"").Append(matrix.Models.Count.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-roles=\"").Append(matrix.Roles.Count.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-divergent=\"").Append(divergent.ToString(CultureInfo.InvariantCulture)).Append("\">Config ")
            .Append(Escape(matrix.Config.Path ?? "<yaml>")).Append(", ").Append(semantics).Append(" semantics: ")
            .Append(matrix.Models.Count.ToString(CultureInfo.InvariantCulture)).Append(" models, ")
            .Append(matrix.Roles.Count.ToString(CultureInfo.InvariantCulture)).Append(" roles, ")
            .Append(divergent.ToString(CultureInfo.InvariantCulture)).Append(" cells where Upstream (LiteLLM today) and Corrected differ. Hover a cell for the entry that decides it.</p>\n");
        html.Append("<p class=\"legend\"><span class=\"allowed\">allowed</span><span class=\"denied\">denied</span><span class=\"divergent\">Upstream and Corrected differ</span></p>\n");

        html.Append("<table id=\"matrix\">\n<thead><tr><th>Model</th>");
        foreach (var role in matrix.Roles)
        {
            html.Append("<th data-role=\"").Append(role).Append("\">").Append(role).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            var model = Escape(matrix.Models[m]);
            var deployed = matrix.IsDeployed(m);
            html.Append("<tr data-model=\"").Append(model).Append("\" data-deployed=\"").Append(deployed ? "true" : "false").Append('"');
            if (!deployed)
            {
                html.Append(" class=\"extra\"");
            }

            html.Append("><th scope=\"row\">").Append(model).Append("</th>");
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                AppendCell(html, matrix, m, r, semantics);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        AppendFindings(html, findings);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendCell(StringBuilder html, AccessMatrix matrix, int m, int r, Semantics semantics)
    {
        var role = matrix.Roles[r];
        var cell = matrix.Cell(m, r);
        var chosen = cell.Get(semantics);
        var css = cell.Divergent ? "divergent" : chosen.Allowed ? "allowed" : "denied";
        // The page's semantics first; the other one too when its verdict or its deciding entry differs.
        var other = semantics == Semantics.Upstream ? Semantics.Corrected : Semantics.Upstream;
        var otherVerdict = cell.Get(other);
        var chosenExplanation = GrantExplanation.ForModel(matrix.Config, role, chosen);
        var otherExplanation = GrantExplanation.ForModel(matrix.Config, role, otherVerdict);
        var title = SemanticsLabel(semantics) + ": " + Verdict(chosen) + " (" + chosenExplanation.Text + Line(chosenExplanation) + ")";
        if (cell.Divergent || chosenExplanation.Text + Line(chosenExplanation) != otherExplanation.Text + Line(otherExplanation))
        {
            title += "; " + SemanticsLabel(other) + ": " + Verdict(otherVerdict) + " (" + otherExplanation.Text + Line(otherExplanation) + ")";
        }

        html.Append("<td class=\"").Append(css)
            .Append("\" data-role=\"").Append(role)
            .Append("\" data-allowed=\"").Append(Bool(chosen.Allowed))
            .Append("\" data-upstream-allowed=\"").Append(Bool(cell.Upstream.Allowed))
            .Append("\" data-corrected-allowed=\"").Append(Bool(cell.Corrected.Allowed))
            .Append("\" data-divergent=\"").Append(Bool(cell.Divergent))
            .Append("\" data-grant-source=\"").Append(chosen.Source)
            .Append("\" title=\"").Append(Escape(title)).Append("\">")
            .Append(chosen.Allowed ? "allowed" : "denied");
        if (cell.Divergent)
        {
            html.Append(" (").Append(other).Append(": ").Append(Verdict(otherVerdict)).Append(')');
        }

        html.Append("</td>");
    }

    private static string SemanticsLabel(Semantics semantics) => semantics == Semantics.Upstream ? "Upstream (LiteLLM today)" : "Corrected";

    private static void AppendFindings(StringBuilder html, IReadOnlyList<LintFinding> findings)
    {
        html.Append("<h2>Lint findings</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p id=\"no-findings\">No findings.</p>\n");
        }

        html.Append("<table id=\"findings\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Name</th><th>Line</th><th>YAML path</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var finding in findings)
        {
            html.Append("<tr class=\"").Append(finding.Severity).Append("\" data-rule=\"").Append(finding.RuleId)
                .Append("\" data-severity=\"").Append(finding.Severity).Append("\"><td>").Append(finding.Severity)
                .Append("</td><td>").Append(finding.RuleId).Append("</td><td>").Append(finding.RuleName)
                .Append("</td><td>").Append(finding.Location.Line > 0 ? finding.Location.Line.ToString(CultureInfo.InvariantCulture) : string.Empty)
                .Append("</td><td>").Append(Escape(finding.Location.YamlPath))
                .Append("</td><td>").Append(Escape(finding.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Verdict(ModelVerdict verdict) => verdict.Allowed ? "allowed" : "denied";

    private static string Line(GrantExplanation explanation) =>
        explanation.Location is { Line: > 0 } location ? ", line " + location.Line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Escapes text for element content and double- or single-quoted attributes.</summary>
    internal static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null && (text[i] >= ' ' || text[i] is '\t' or '\n' or '\r'))
            {
                escaped?.Append(text[i]);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            // Control characters cannot appear in XML 1.0; U+FFFD keeps the page well-formed.
            escaped.Append(replacement ?? "\uFFFD");
        }

        return escaped?.ToString() ?? text;
    }
}
