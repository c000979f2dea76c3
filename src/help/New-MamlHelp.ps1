<#
.SYNOPSIS
    Writes MAML help (en-US/ModelRbac.PowerShell.dll-Help.xml) for the built module from the cmdlets' XML doc comments.
.DESCRIPTION
    Syntax, parameter sets, types, positions, pipeline input and aliases come from Get-Command on the built module;
    the prose comes from the C# XML documentation (XmlDoc2CmdletDoc conventions: <para type="synopsis">,
    <para type="description">, <example><code/><para/></example>). Every example is run (from the repository root,
    after $config = Import-RbacConfig ./examples/seed-repro.yaml) and its real output is written into the help;
    an example that fails, or a cmdlet or parameter without prose, fails the build.
    Run by build.ps1 in a child pwsh, since importing a binary module locks it for the session.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocumentationXml,
    [Parameter(Mandatory)] [string] $OutputPath,
    [Parameter(Mandatory)] [string] $RepositoryRoot,
    # Invoke-RbacPolicyTest's examples run their cases with Pester, imported after the module (as users often do).
    [Parameter(Mandatory)] [string] $PesterManifest
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
$module = Import-Module $ModuleManifest -PassThru
Import-Module $PesterManifest
[xml] $docs = Get-Content -Raw -LiteralPath $DocumentationXml
$members = @{}
foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }

$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Get-Paras {
    param($Node, [string] $Type)
    if ($null -eq $Node) { return @() }
    @($Node.SelectNodes('.//para') | Where-Object { $_.GetAttribute('type') -eq $Type } | ForEach-Object { ($_.InnerText -replace '\s+', ' ').Trim() })
}

function Get-Doc {
    param([string] $Key, [string] $What)
    $member = $members[$Key]
    if ($null -eq $member) { throw "No XML documentation for $What ($Key)" }
    return $member
}

function Format-ExampleCode {
    # XML doc lines keep the source's indentation; re-indent only pipeline continuations.
    param([string] $Text)
    $lines = @($Text.Trim() -split "`r?`n" | ForEach-Object { $_.Trim() })
    for ($i = 1; $i -lt $lines.Count; $i++) {
        if ($lines[$i - 1].EndsWith('|')) { $lines[$i] = '    ' + $lines[$i] }
    }
    return $lines -join "`n"
}

function Invoke-Example {
    param([string] $Code, [string] $Where)
    Push-Location $RepositoryRoot
    try {
        $config = Import-RbacConfig ./examples/seed-repro.yaml
        $output = & ([scriptblock]::Create($Code)) 3>&1 2>&1 | Out-String -Width 110
        return $output.TrimEnd()
    }
    catch {
        throw "The example of $Where failed: $_`n$Code"
    }
    finally { Pop-Location }
}

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath)
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Paras { param([string[]] $Paras) foreach ($p in $Paras) { $writer.WriteElementString('para', $maml, $p) } }

$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $type = $cmdlet.ImplementingType
    $typeDoc = Get-Doc "T:$($type.FullName)" $cmdlet.Name
    $synopsis = Get-Paras $typeDoc.summary 'synopsis'
    $description = Get-Paras $typeDoc.summary 'description'
    if (-not $synopsis -or -not $description) { throw "$($cmdlet.Name) needs a synopsis and a description para" }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('details', $command)
    $writer.WriteElementString('name', $command, $cmdlet.Name)
    $writer.WriteElementString('verb', $command, $cmdlet.Verb)
    $writer.WriteElementString('noun', $command, $cmdlet.Noun)
    $writer.WriteStartElement('description', $maml); Write-Paras $synopsis; $writer.WriteEndElement()
    $writer.WriteEndElement()
    $writer.WriteStartElement('description', $maml); Write-Paras $description; $writer.WriteEndElement()

    $parameterDocs = @{}
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }) {
        $property = $type.GetProperty($parameter.Name)
        $doc = Get-Doc "P:$($property.DeclaringType.FullName).$($parameter.Name)" "$($cmdlet.Name) -$($parameter.Name)"
        $paras = Get-Paras $doc.summary 'description'
        if (-not $paras) { throw "$($cmdlet.Name) -$($parameter.Name) needs a description para" }
        $parameterDocs[$parameter.Name] = $paras
    }

    $writer.WriteStartElement('syntax', $command)
    foreach ($set in $cmdlet.ParameterSets) {
        $writer.WriteStartElement('syntaxItem', $command)
        $writer.WriteElementString('name', $maml, $cmdlet.Name)
        foreach ($parameter in $set.Parameters | Where-Object { $_.Name -notin $commonParameters }) {
            $writer.WriteStartElement('parameter', $command)
            $writer.WriteAttributeString('required', "$($parameter.IsMandatory)".ToLowerInvariant())
            $writer.WriteAttributeString('position', $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }))
            $writer.WriteElementString('name', $maml, $parameter.Name)
            if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $writer.WriteElementString('parameterValue', $command, $parameter.ParameterType.Name)
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('parameters', $command)
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }) {
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $pipeline = @()
        if ($attributes.ValueFromPipeline -contains $true) { $pipeline += 'ByValue' }
        if ($attributes.ValueFromPipelineByPropertyName -contains $true) { $pipeline += 'ByPropertyName' }
        $position = @($attributes | Where-Object Position -ge 0 | ForEach-Object Position)
        $writer.WriteStartElement('parameter', $command)
        $writer.WriteAttributeString('required', "$($attributes.Mandatory -contains $true)".ToLowerInvariant())
        $writer.WriteAttributeString('position', $(if ($position.Count -gt 0) { "$($position[0])" } else { 'named' }))
        $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $writer.WriteAttributeString('globbing', "$([bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))".ToLowerInvariant())
        $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('name', $maml, $parameter.Name)
        $writer.WriteStartElement('description', $maml); Write-Paras $parameterDocs[$parameter.Name]; $writer.WriteEndElement()
        $writer.WriteElementString('parameterValue', $command, $parameter.ParameterType.Name)
        $writer.WriteStartElement('type', $dev); $writer.WriteElementString('name', $maml, $parameter.ParameterType.FullName); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    # INPUTS: what each pipeline-bound parameter takes (by value: the type; by property name: the property).
    $writer.WriteStartElement('inputTypes', $command)
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }) {
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $how = @()
        if ($attributes.ValueFromPipeline -contains $true) { $how += "by value to -$($parameter.Name)" }
        if ($attributes.ValueFromPipelineByPropertyName -contains $true) {
            $names = @($parameter.Name) + @($parameter.Aliases)
            $how += "by property name ($($names -join ', ')) to -$($parameter.Name)"
        }
        if (-not $how) { continue }
        $writer.WriteStartElement('inputType', $command)
        $writer.WriteStartElement('type', $dev); $writer.WriteElementString('name', $maml, $parameter.ParameterType.FullName); $writer.WriteEndElement()
        $writer.WriteStartElement('description', $maml); $writer.WriteElementString('para', $maml, "Bound $($how -join ' and ').")
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('returnValues', $command)
    foreach ($output in $cmdlet.OutputType) {
        $writer.WriteStartElement('returnValue', $command)
        $writer.WriteStartElement('type', $dev); $writer.WriteElementString('name', $maml, $output.Name); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $examples = @($typeDoc.SelectNodes('example'))
    if ($examples.Count -lt 2) { throw "$($cmdlet.Name) needs at least two examples" }
    $writer.WriteStartElement('examples', $command)
    $number = 0
    foreach ($example in $examples) {
        $number++
        $code = Format-ExampleCode $example.code
        $output = Invoke-Example $code "$($cmdlet.Name) example $number"
        $writer.WriteStartElement('example', $command)
        $writer.WriteElementString('title', $maml, "-------------------------- Example $number --------------------------")
        $writer.WriteElementString('code', $dev, $code)
        $writer.WriteStartElement('remarks', $dev)
        Write-Paras @($example.SelectNodes('para') | ForEach-Object { ($_.InnerText -replace '\s+', ' ').Trim() })
        if ($output) { $writer.WriteElementString('para', $maml, "Output:`n$output") }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.Dispose()
Write-Host "Help written: $OutputPath"
