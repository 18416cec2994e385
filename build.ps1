<#
.SYNOPSIS
    Build, test and run OnlineJudge.

.DESCRIPTION
    dotnet pwsh ./build.ps1 run                      start services, migrate, create root, serve on http://127.0.0.1:8000 with a judge
                                                     server on http://127.0.0.1:8080 (stopped with the web server)
    dotnet pwsh ./build.ps1 judge -BackendUrl URL    start only a judge server that registers with the backend at URL
    dotnet pwsh ./build.ps1 test                     start services, run all tests, print "N passed, M failed"
    dotnet pwsh ./build.ps1 migrate                  start services, apply EF Core migrations
    dotnet pwsh ./build.ps1 services start|stop|status
    dotnet pwsh ./build.ps1 bench                    seed a benchmark database and measure hot reads with wrk
    dotnet pwsh ./build.ps1 bench-judge              measure the judge server: per-test-case overhead, latency, submissions/minute
    dotnet pwsh ./build.ps1 bench outage             measure anonymous reads while a Redis of its own is killed and restarted
    dotnet pwsh ./build.ps1 cluster                  nginx in front of two web instances and two judge servers on one PostgreSQL and Redis
    dotnet pwsh ./build.ps1 adopt                    adopt the configured database of a Django OnlineJudge site, then migrate
    dotnet pwsh ./build.ps1 fake-ai                  a local fake OpenAI-compatible AI provider on http://127.0.0.1:8070 with
                                                     scripted replies (tools/FakeAiProvider; README "Trying the AI features")

    When no connection strings are configured (environment ConnectionStrings__Default / ConnectionStrings__Redis,
    or non-empty values in appsettings.json), the script runs its own PostgreSQL and Redis under .local/:
    PostgreSQL on 127.0.0.1:$env:OJ_LOCAL_PG_PORT (default 5433), Redis on 127.0.0.1:$env:OJ_LOCAL_REDIS_PORT (default 6380).
#>
param(
    [Parameter(Position = 0)][ValidateSet('run', 'test', 'migrate', 'services', 'bench', 'bench-judge', 'judge', 'cluster', 'adopt', 'fake-ai', 'help')][string]$Task = 'help',
    [Parameter(Position = 1)][ValidateSet('start', 'stop', 'status', 'outage', '')][string]$Action = '',
    # judge: the backend this judge server registers with (its base URL, or its full /api/judge_server_heartbeat/ URL).
    [string]$BackendUrl = '',
    # judge: the URL the backend uses to reach this judge server (default: its listen URL).
    [string]$ServiceUrl = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
Set-Location $Root
$LocalDir = Join-Path $Root '.local'
$PgData = Join-Path $LocalDir 'pgdata'
$PgLog = Join-Path $LocalDir 'postgresql.log'
$RedisDir = Join-Path $LocalDir 'redis'
$RedisPidFile = Join-Path $RedisDir 'redis.pid'
$RedisLog = Join-Path $RedisDir 'redis.log'
$PgPort = if ($env:OJ_LOCAL_PG_PORT) { [int]$env:OJ_LOCAL_PG_PORT } else { 5433 }
$RedisPort = if ($env:OJ_LOCAL_REDIS_PORT) { [int]$env:OJ_LOCAL_REDIS_PORT } else { 6380 }
$DatabaseName = if ($env:OJ_LOCAL_PG_DATABASE) { $env:OJ_LOCAL_PG_DATABASE } else { 'onlinejudge' }
$WebProject = Join-Path $Root 'OnlineJudge.Web/OnlineJudge.Web.csproj'
$JudgeProject = Join-Path $Root 'OnlineJudge.Judge/OnlineJudge.Judge.csproj'
$JudgeTokenFile = Join-Path $LocalDir 'judge_token'
$Configuration = if ($env:OJ_BUILD_CONFIGURATION) { $env:OJ_BUILD_CONFIGURATION } else { 'Release' }

function Write-Step([string]$Message) { Write-Host "==> $Message" -ForegroundColor Cyan }

function Test-IsRoot { return (& id -u) -eq '0' }

function Get-ConfiguredConnection([string]$Name) {
    $fromEnv = [Environment]::GetEnvironmentVariable("ConnectionStrings__$Name")
    if ($fromEnv) { return $fromEnv }
    $settings = Join-Path $Root 'appsettings.json'
    if (Test-Path $settings) {
        $json = Get-Content $settings -Raw | ConvertFrom-Json
        if ($json.PSObject.Properties['ConnectionStrings'] -and $json.ConnectionStrings.PSObject.Properties[$Name]) {
            $value = $json.ConnectionStrings.$Name
            if ($value) { return $value }
        }
    }
    return $null
}

# Read once, before Start-Services exports the local connection strings for child processes.
$ConfiguredDb = Get-ConfiguredConnection 'Default'
$ConfiguredRedis = Get-ConfiguredConnection 'Redis'

function Test-TcpPort([int]$Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $task = $client.ConnectAsync('127.0.0.1', $Port)
        return $task.Wait(500) -and $client.Connected
    }
    catch { return $false }
    finally { $client.Dispose() }
}

function Invoke-Native([string]$File, [string[]]$Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Find-PostgresBin {
    $candidates = @(Get-ChildItem '/usr/lib/postgresql' -Directory -ErrorAction SilentlyContinue |
            Sort-Object { [int]($_.Name -replace '\D', '') } -Descending |
            ForEach-Object { Join-Path $_.FullName 'bin' } |
            Where-Object { Test-Path (Join-Path $_ 'initdb') })
    if ($candidates.Count -gt 0) { return $candidates[0] }
    $initdb = Get-Command initdb -ErrorAction SilentlyContinue
    if ($initdb) { return Split-Path $initdb.Source }
    return $null
}

function Install-MissingPackages {
    $missing = @()
    if (-not (Find-PostgresBin)) { $missing += 'postgresql' }
    if (-not (Get-Command redis-server -ErrorAction SilentlyContinue)) { $missing += 'redis-server' }
    if ($missing.Count -eq 0) { return }
    $command = "apt-get update && apt-get install -y --no-install-recommends $($missing -join ' ')"
    if (-not (Test-IsRoot)) {
        throw "Missing packages: $($missing -join ', '). Install them with: sudo sh -c '$command'"
    }
    Write-Step "Installing $($missing -join ', ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-Native 'apt-get' @('update', '-q')
    Invoke-Native 'apt-get' (@('install', '-y', '-q', '--no-install-recommends') + $missing)
}

# Code formatting and AST rules (submission.md §1.7, judge.md §5.1): clang-format, sqlparse for the system Python, and
# Node.js running tools/codetools (ruff's formatter and tree-sitter grammars as WebAssembly, from the npm registry).
function Install-CodeTools {
    $missing = @()
    if (-not (Get-Command clang-format -ErrorAction SilentlyContinue)) { $missing += 'clang-format' }
    $hasSqlparse = $false
    if (Test-Path '/usr/bin/python3') {
        & /usr/bin/python3 -c 'import sqlparse' 2>$null
        $hasSqlparse = $LASTEXITCODE -eq 0
    }
    if (-not $hasSqlparse) { $missing += 'python3-sqlparse' }
    if (-not (Get-Command node -ErrorAction SilentlyContinue)) { $missing += 'nodejs' }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { $missing += 'npm' }
    if ($missing.Count -gt 0) {
        $command = "apt-get update && apt-get install -y --no-install-recommends $($missing -join ' ')"
        if (-not (Test-IsRoot)) { throw "Missing packages: $($missing -join ', '). Install them with: sudo sh -c '$command'" }
        Write-Step "Installing $($missing -join ', ')"
        $env:DEBIAN_FRONTEND = 'noninteractive'
        Invoke-Native 'apt-get' @('update', '-q')
        Invoke-Native 'apt-get' (@('install', '-y', '-q', '--no-install-recommends') + $missing)
    }
    $tools = Join-Path $Root 'tools/codetools'
    $stamp = Join-Path $tools 'node_modules/.package-lock.json'
    $stale = -not (Test-Path $stamp)
    if (-not $stale) { $stale = (Get-Item (Join-Path $tools 'package-lock.json')).LastWriteTimeUtc -gt (Get-Item -Force $stamp).LastWriteTimeUtc }
    if ($stale) {
        Write-Step 'Installing the code tools (npm ci in tools/codetools)'
        Invoke-Native 'npm' @('ci', '--prefix', $tools, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error')
    }
}

# Runs a PostgreSQL tool as the cluster owner: initdb refuses to run as root, so root uses the postgres account.
function Invoke-AsPostgresOwner([string]$Tool, [string[]]$Arguments) {
    $bin = Find-PostgresBin
    $path = Join-Path $bin $Tool
    if (Test-IsRoot) {
        Invoke-Native 'runuser' (@('-u', 'postgres', '--', $path) + $Arguments)
    }
    else {
        Invoke-Native $path $Arguments
    }
}

# The cluster runs as the postgres account, which must be able to walk down to .local/ (a checkout inside a
# private folder such as one made by mktemp is not). Only the search (x) bit is added, never read access.
function Grant-PostgresTraversal {
    & runuser -u postgres -- test -x $LocalDir
    if ($LASTEXITCODE -eq 0) { return }
    $dir = $LocalDir
    while ($dir -and $dir -ne '/') {
        Write-Step "Allowing the postgres account to traverse $dir (chmod o+x)"
        Invoke-Native 'chmod' @('o+x', $dir)
        $dir = Split-Path $dir -Parent
    }
}

function Get-PostgresPid {
    $pidFile = Join-Path $PgData 'postmaster.pid'
    if (-not (Test-Path $pidFile)) { return $null }
    $processId = [int]((Get-Content $pidFile -TotalCount 1).Trim())
    if (Get-Process -Id $processId -ErrorAction SilentlyContinue) { return $processId }
    return $null
}

function Get-RedisPid {
    if (-not (Test-Path $RedisPidFile)) { return $null }
    $processId = [int]((Get-Content $RedisPidFile -TotalCount 1).Trim())
    if (Get-Process -Id $processId -ErrorAction SilentlyContinue) { return $processId }
    return $null
}

function Start-LocalPostgres {
    if (Get-PostgresPid) {
        Write-Step "PostgreSQL already running on 127.0.0.1:$PgPort (pid $(Get-PostgresPid))"
        return
    }
    if (Test-TcpPort $PgPort) {
        throw "Port $PgPort is taken by another program. Set OJ_LOCAL_PG_PORT to a free port, or set ConnectionStrings__Default."
    }
    New-Item -ItemType Directory -Force -Path $LocalDir | Out-Null
    if (Test-IsRoot) { Grant-PostgresTraversal }
    if (-not (Test-Path (Join-Path $PgData 'PG_VERSION'))) {
        Write-Step "Creating PostgreSQL cluster in $PgData"
        New-Item -ItemType Directory -Force -Path $PgData | Out-Null
        if (Test-IsRoot) {
            Invoke-Native 'chown' @('postgres:postgres', $PgData)
            Invoke-Native 'chmod' @('700', $PgData)
        }
        Invoke-AsPostgresOwner 'initdb' @('-D', $PgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8')
    }
    if (Test-IsRoot) {
        if (-not (Test-Path $PgLog)) { New-Item -ItemType File -Path $PgLog | Out-Null }
        Invoke-Native 'chown' @('postgres:postgres', $PgLog)
    }
    Write-Step "Starting PostgreSQL on 127.0.0.1:$PgPort"
    $options = "-p $PgPort -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c synchronous_commit=off -c shared_buffers=256MB"
    Invoke-AsPostgresOwner 'pg_ctl' @('-D', $PgData, '-l', $PgLog, '-o', $options, '-w', '-t', '60', 'start')
}

function Initialize-Database {
    $bin = Find-PostgresBin
    $psql = Join-Path $bin 'psql'
    $exists = & $psql -h 127.0.0.1 -p $PgPort -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DatabaseName'"
    if ($LASTEXITCODE -ne 0) { throw "Cannot reach PostgreSQL on 127.0.0.1:$PgPort (see $PgLog)" }
    if ("$exists".Trim() -ne '1') {
        Write-Step "Creating database $DatabaseName"
        Invoke-Native $psql @('-h', '127.0.0.1', '-p', "$PgPort", '-U', 'postgres', '-d', 'postgres', '-qc', "CREATE DATABASE `"$DatabaseName`"")
    }
}

function Start-LocalRedis {
    if (Get-RedisPid) {
        Write-Step "Redis already running on 127.0.0.1:$RedisPort (pid $(Get-RedisPid))"
        return
    }
    if (Test-TcpPort $RedisPort) {
        throw "Port $RedisPort is taken by another program. Set OJ_LOCAL_REDIS_PORT to a free port, or set ConnectionStrings__Redis."
    }
    New-Item -ItemType Directory -Force -Path $RedisDir | Out-Null
    Write-Step "Starting Redis on 127.0.0.1:$RedisPort"
    Invoke-Native 'redis-server' @('--port', "$RedisPort", '--bind', '127.0.0.1', '--daemonize', 'yes',
        '--pidfile', $RedisPidFile, '--logfile', $RedisLog, '--dir', $RedisDir, '--appendonly', 'yes',
        '--save', '')
    for ($i = 0; $i -lt 50 -and -not (Test-TcpPort $RedisPort); $i++) { Start-Sleep -Milliseconds 100 }
    if (-not (Test-TcpPort $RedisPort)) { throw "Redis did not start (see $RedisLog)" }
}

function Stop-LocalServices {
    $pgPid = Get-PostgresPid
    if ($pgPid) {
        Write-Step "Stopping PostgreSQL (pid $pgPid)"
        Invoke-AsPostgresOwner 'pg_ctl' @('-D', $PgData, '-m', 'fast', '-w', 'stop')
    }
    else { Write-Step 'PostgreSQL is not running' }
    $redisPid = Get-RedisPid
    if ($redisPid) {
        Write-Step "Stopping Redis (pid $redisPid)"
        Stop-Process -Id $redisPid
        for ($i = 0; $i -lt 50 -and (Get-Process -Id $redisPid -ErrorAction SilentlyContinue); $i++) { Start-Sleep -Milliseconds 100 }
    }
    else { Write-Step 'Redis is not running' }
}

function Show-ServiceStatus {
    $db = $ConfiguredDb
    $redis = $ConfiguredRedis
    if ($db) { Write-Host "PostgreSQL: configured externally ($($db -replace 'Password=[^;]*', 'Password=***'))" }
    else {
        $state = if (Get-PostgresPid) { "running, pid $(Get-PostgresPid)" } else { 'stopped' }
        Write-Host "PostgreSQL: local, 127.0.0.1:$PgPort, $state"
    }
    if ($redis) { Write-Host "Redis: configured externally ($redis)" }
    else {
        $state = if (Get-RedisPid) { "running, pid $(Get-RedisPid)" } else { 'stopped' }
        Write-Host "Redis: local, 127.0.0.1:$RedisPort, $state"
    }
}

# Starts whatever is not configured externally and exports the connection strings for the child processes.
function Start-Services {
    $db = $ConfiguredDb
    $redis = $ConfiguredRedis
    if (-not $db -or -not $redis) { Install-MissingPackages }
    if (-not $db) {
        Start-LocalPostgres
        Initialize-Database
        $env:ConnectionStrings__Default = "Host=127.0.0.1;Port=$PgPort;Database=$DatabaseName;Username=postgres"
    }
    if (-not $redis) {
        Start-LocalRedis
        $env:ConnectionStrings__Redis = "127.0.0.1:$RedisPort"
    }
}

function Invoke-Web([string[]]$Arguments) {
    Invoke-Native 'dotnet' (@('run', '--no-build', '-c', $Configuration, '--no-launch-profile', '--project', $WebProject, '--') + $Arguments)
}

function Build-Web {
    Write-Step "Building ($Configuration)"
    Invoke-Native 'dotnet' @('build', $WebProject, '-c', $Configuration, '-nologo', '-v', 'q')
}

function Invoke-Migrate {
    Write-Step 'Applying migrations'
    Invoke-Web @('migrate')
}

function Invoke-Run {
    Start-Services
    Install-CodeTools
    if (-not $env:Storage__DataDir) { $env:Storage__DataDir = Join-Path $Root 'data' }
    Install-JudgePackages
    Set-JudgeToken
    Build-Web
    Build-Judge
    Invoke-Migrate
    Invoke-Web @('inituser', '--username', 'root', '--password', 'rootroot', '--email', 'root@example.com',
        '--action', 'create_super_admin', '--only-if-no-users')
    $webUrl = Get-WebUrl
    New-Item -ItemType Directory -Force -Path $LocalDir | Out-Null
    $judge = Start-JudgeServer $webUrl (Join-Path $LocalDir 'judge-server.log')
    try {
        Write-Step "Serving $webUrl (Ctrl+C to stop)"
        Invoke-Web @()
    }
    finally { Stop-JudgeServer $judge }
}

function Invoke-Test {
    Start-Services
    Install-CodeTools
    Install-JudgePackages
    $resultsDir = Join-Path $LocalDir 'test-results'
    Remove-Item -Recurse -Force $resultsDir -ErrorAction SilentlyContinue
    Write-Step 'Running tests'
    & dotnet test (Join-Path $Root 'OnlineJudge.sln') -c $Configuration -nologo `
        --logger 'console;verbosity=normal' --logger 'trx;LogFileName=results.trx' --results-directory $resultsDir
    $exitCode = $LASTEXITCODE
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem $resultsDir -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 } # the build or the test host failed before any result
    Write-Host "$passed passed, $failed failed"
    exit $exitCode
}

# Hot reads under load (DEVELOPERS.md bar: >= 5,000 req/s for pages, >= 7,500 for details, p99 <= 20 ms at 32
# connections). Uses its own database and Redis database 3, a seeded data set (bench/seed.sql) and wrk. Beside each
# endpoint it prints the bare limit measured in the same run (bench/BareLimit: Kestrel + one pooled Npgsql query by
# key, or one 20-row page) and the ratio; it fails when an endpoint answers anything but {"error":null,...}.
$BenchTargets = @(
    # name, path, APPKEY header or $null, bare limit it compares with (key: a detail, page: a list)
    @('site config', '/api/website', $null, 'key'),
    @('announcement list', '/api/announcement?limit=10&offset=0', $null, 'page'),
    @('problem list', '/api/problem?limit=20&offset=0', $null, 'page'),
    @('problem detail', '/api/problem?problem_id=1001', $null, 'key'),
    @('contest list', '/api/contests?limit=10&offset=0', $null, 'page'),
    @('contest detail', '/api/contest?id=1', 'APPKEY: benchbenchbenchbenchbenchbench00', 'key'),
    @('contest rank', '/api/contest_rank?contest_id=1&limit=50&offset=0', 'APPKEY: benchbenchbenchbenchbenchbench00', 'page'),
    @('submission list', '/api/submissions?limit=20&offset=0', 'APPKEY: benchbenchbenchbenchbenchbench00', 'page'),
    @('submission list anon', '/api/submissions?limit=20&offset=0', $null, 'page'),
    @('my submissions', '/api/submissions?limit=20&offset=0&myself=1', 'APPKEY: benchbenchbenchbenchbenchbench00', 'page'),
    @('contest submissions', '/api/contest_submissions?contest_id=1&limit=20&offset=0', 'APPKEY: benchbenchbenchbenchbenchbench00', 'page'),
    @('achievement pending', '/api/achievements/pending', 'APPKEY: benchbenchbenchbenchbenchbench00', 'key'))
$BenchJudgeToken = 'bench-judge-token'
$BareTargets = @{ key = @('bare: row by key', '/key?id=1'); page = @('bare: 20-row page', '/page?offset=0') }

function Get-LoadAverage { return ((Get-Content /proc/loadavg -Raw).Split(' ')[0..2] -join ' ') }

# Runs wrk with bench/check.lua; returns req/s, p99 and the problems seen (bad envelopes, non-2xx, socket errors).
function Invoke-Wrk([string]$Url, [string]$Header, [string]$Duration) {
    $wrkArgs = @('-t2', '-c32', "-d$Duration", '--latency', '-s', (Join-Path $Root 'bench/check.lua'), $Url)
    if ($Header) { $wrkArgs = @('-H', $Header) + $wrkArgs }
    $out = (& wrk @wrkArgs) -join "`n"
    $problems = @()
    if ($out -notmatch 'Bad responses: (\d+)') { $problems += 'wrk printed no response check' }
    elseif ([int]$Matches[1] -gt 0) {
        $count = $Matches[1]
        $first = if ($out -match 'First bad response: (.*)') { $Matches[1] } else { '' }
        $problems += "$count answers were not {""error"":null,...}, e.g. $first"
    }
    if ($out -match 'Non-2xx or 3xx responses: (\d+)') { $problems += "$($Matches[1]) non-2xx answers" }
    if ($out -match 'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)' -and
        ([int]$Matches[1] + [int]$Matches[2] + [int]$Matches[3] + [int]$Matches[4]) -gt 0) { $problems += "socket errors ($($Matches[0]))" }
    return [pscustomobject]@{
        Rps = if ($out -match 'Requests/sec:\s+([\d.]+)') { [double]$Matches[1] } else { 0.0 }
        P99 = if ($out -match '99%\s+([\d.]+\w+)') { $Matches[1] } else { '?' }
        Problems = $problems
    }
}

# The body of one request, checked like check.lua does, so that a wrong answer is reported with its text.
function Test-Envelope([string]$Url, [string]$Header) {
    $curlArgs = @('-s', '-w', '\n%{http_code}', $Url)
    if ($Header) { $curlArgs = @('-H', $Header) + $curlArgs }
    $lines = @(& curl @curlArgs)
    $status = $lines[-1]
    $body = ($lines[0..([Math]::Max($lines.Count - 2, 0))] -join ' ') -replace '\s+', ' '
    if ($status -ne '200' -or -not $body.StartsWith('{"error":null,')) {
        return "HTTP $status, body: $($body.Substring(0, [Math]::Min(200, $body.Length)))"
    }
    return $null
}

function Wait-Port([int]$Port, [string]$Name) {
    for ($i = 0; $i -lt 150 -and -not (Test-TcpPort $Port); $i++) { Start-Sleep -Milliseconds 200 }
    if (-not (Test-TcpPort $Port)) { throw "$Name did not start listening on port $Port (see .local/bench-*.log)" }
}

# Anonymous cached pages (bench/check.lua over five paths, 8 connections) in one-second samples while a redis-server of the bench's
# own is killed (after 5 s) and started again (after 15 s). Fails unless, from 2 s after the kill, every second serves
# at least half the normal rate, every answer comes within 1 s and is a success envelope, and Redis is used again
# at the end. The shared Redis is never touched.
function Invoke-OutageBench {
    $port = 6390
    while (Test-TcpPort $port) { $port++ }
    $redisDir = Join-Path $LocalDir 'bench-redis'
    New-Item -ItemType Directory -Force -Path $redisDir | Out-Null
    $redisArgs = @('--port', "$port", '--bind', '127.0.0.1', '--dir', $redisDir, '--save', '""', '--appendonly', 'no')
    $redis = Start-Process redis-server -PassThru -ArgumentList $redisArgs -RedirectStandardOutput (Join-Path $LocalDir 'bench-redis.log')
    $savedRedis = $env:ConnectionStrings__Redis
    $env:ConnectionStrings__Redis = "127.0.0.1:$port"
    $server = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput (Join-Path $LocalDir 'bench-server.log') -ArgumentList @(
        (Join-Path $Root "OnlineJudge.Web/bin/$Configuration/net10.0/OnlineJudge.Web.dll"), '--urls', 'http://127.0.0.1:8090',
        '--Logging:LogLevel:Default=Warning')
    $env:ConnectionStrings__Redis = $savedRedis
    $failures = [System.Collections.Generic.List[string]]::new()
    try {
        Wait-Port 8090 'The server'
        $script = Join-Path $Root 'bench/check.lua'
        # Anonymous cached pages, in turn.
        $pages = @('/api/website', '/api/announcement?limit=10&offset=0', '/api/problem?limit=20&offset=0', '/api/problem?problem_id=1001',
            '/api/contests?limit=10&offset=0')
        Write-Step "Warming up; load average $(Get-LoadAverage)"
        $warm = @('-t2', '-c8', '-d5s', '-s', $script, 'http://127.0.0.1:8090', '--') + $pages
        $oneSecond = @('-t2', '-c8', '-d1s', '--timeout', '5s', '-s', $script, 'http://127.0.0.1:8090', '--') + $pages
        foreach ($pass in 1..4) { & wrk @warm | Out-Null }
        $samples = foreach ($second in 1..25) {
            if ($second -eq 6) { Stop-Process -Id $redis.Id -Force; $redis.WaitForExit() }
            if ($second -eq 16) {
                $redis = Start-Process redis-server -PassThru -ArgumentList $redisArgs -RedirectStandardOutput (Join-Path $LocalDir 'bench-redis.log')
            }
            $out = (& wrk @oneSecond) -join "`n"
            [pscustomobject]@{
                Second = $second
                Phase = if ($second -le 5) { 'normal' } elseif ($second -le 15) { 'redis killed' } else { 'redis back' }
                Rps = if ($out -match 'Requests/sec:\s+([\d.]+)') { [double]$Matches[1] } else { 0.0 }
                MaxMs = if ($out -match 'Max latency ms: ([\d.]+)') { [double]$Matches[1] } else { -1.0 }
                Bad = if ($out -match 'Bad responses: (\d+)') { [int]$Matches[1] } else { -1 }
                Errors = if ($out -match 'Socket errors: (.*)') { $Matches[1] } else { '' }
            }
        }
        $normal = ($samples | Where-Object Phase -eq 'normal' | Sort-Object Rps)[2].Rps
        Write-Host ('{0,6} {1,-13} {2,9} {3,9} {4,12} {5,5}' -f 'second', 'phase', 'req/s', 'of normal', 'max latency', 'bad')
        foreach ($sample in $samples) {
            $share = if ($normal -gt 0) { '{0:P0}' -f ($sample.Rps / $normal) } else { '?' }
            Write-Host ('{0,6} {1,-13} {2,9:N0} {3,9} {4,9:N0} ms {5,5} {6}' -f $sample.Second, $sample.Phase, $sample.Rps, $share,
                $sample.MaxMs, $sample.Bad, $sample.Errors)
            if ($sample.Bad -ne 0) { $failures.Add("second $($sample.Second): $($sample.Bad) answers were not success envelopes") }
            if ($sample.Errors) { $failures.Add("second $($sample.Second): socket errors $($sample.Errors)") }
            if ($sample.MaxMs -lt 0 -or $sample.MaxMs -ge 1000) { $failures.Add("second $($sample.Second): slowest answer $($sample.MaxMs) ms") }
            if ($sample.Second -ge 8 -and $sample.Second -le 15 -and $sample.Rps -lt $normal / 2) {
                $failures.Add("second $($sample.Second): $($sample.Rps) req/s is under half the normal $normal")
            }
        }
        $keys = & redis-cli -p $port dbsize
        $recovered = ($samples | Where-Object Second -gt 20 | Sort-Object Rps)[2].Rps
        Write-Host (("normal rate (median of the first 5 s): {0:N0} req/s; after recovery (median of the last 5 s): {1:N0} req/s; " +
            "keys in the bench's Redis at the end: {2}; load average {3}") -f $normal, $recovered, $keys, (Get-LoadAverage))
        if ([int]$keys -eq 0) { $failures.Add('the site did not use Redis again after it came back') }
    }
    finally {
        Stop-Process -Id $server.Id -ErrorAction SilentlyContinue
        Stop-Process -Id $redis.Id -Force -ErrorAction SilentlyContinue
    }
    if ($failures.Count -gt 0) {
        Write-Host "OUTAGE BENCH FAILED:" -ForegroundColor Red
        foreach ($failure in $failures) { Write-Host "  - $failure" -ForegroundColor Red }
        exit 1
    }
}

function Invoke-Bench([switch]$Outage) {
    $judging = $true
    if ($env:OJ_BENCH_ONLY) {
        # A comma-separated list of endpoint names (e.g. 'contest detail,contest rank'; 'judging' for the judging step)
        # to measure only those.
        $only = $env:OJ_BENCH_ONLY.Split(',') | ForEach-Object { $_.Trim() }
        $script:BenchTargets = @($BenchTargets | Where-Object { $only -contains $_[0] })
        $judging = $only -contains 'judging'
        if ($BenchTargets.Count -eq 0 -and -not $judging) { throw "OJ_BENCH_ONLY names no endpoint of the bench" }
    }
    Start-Services
    if (-not (Get-Command wrk -ErrorAction SilentlyContinue)) {
        if (-not (Test-IsRoot)) { throw "wrk is missing. Install it with: sudo apt-get install -y wrk" }
        Invoke-Native 'apt-get' @('install', '-y', '-q', 'wrk')
    }
    Build-Web
    Write-Step 'Building the bare-limit server (bench/BareLimit) and the judging bench (bench/JudgeBench)'
    Invoke-Native 'dotnet' @('build', (Join-Path $Root 'bench/BareLimit/BareLimit.csproj'), '-c', 'Release', '-nologo', '-v', 'q')
    Invoke-Native 'dotnet' @('build', (Join-Path $Root 'bench/JudgeBench/JudgeBench.csproj'), '-c', 'Release', '-nologo', '-v', 'q')
    $parts = @{}
    foreach ($pair in $env:ConnectionStrings__Default.Split(';', [StringSplitOptions]::RemoveEmptyEntries)) {
        $name, $value = $pair.Split('=', 2)
        $parts[$name.Trim().ToLowerInvariant()] = $value.Trim()
    }
    $benchDb = ($env:ConnectionStrings__Default -replace '(?i)Database=[^;]*', 'Database=onlinejudge_bench')
    $psql = Join-Path (Find-PostgresBin) 'psql'
    $pg = @('-h', $parts['host'], '-p', $(if ($parts['port']) { $parts['port'] } else { '5432' }), '-U', $parts['username'])
    if ($parts['password']) { $env:PGPASSWORD = $parts['password'] }
    Write-Step 'Creating and seeding the benchmark database'
    Invoke-Native $psql ($pg + @('-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS onlinejudge_bench'))
    Invoke-Native $psql ($pg + @('-d', 'postgres', '-qc', 'CREATE DATABASE onlinejudge_bench'))
    $saved = $env:ConnectionStrings__Default
    $savedRedis = $env:ConnectionStrings__Redis
    $env:ConnectionStrings__Default = $benchDb
    $env:ConnectionStrings__Redis = ($env:ConnectionStrings__Redis -replace ',defaultDatabase=\d+', '') + ',defaultDatabase=3,allowAdmin=true'
    $failures = [System.Collections.Generic.List[string]]::new()
    try {
        Invoke-Web @('migrate')
        # OJ_BENCH_SUBMISSIONS: practice submissions in the data set (default 200,000; e.g. 1000000).
        $seedArgs = @('-d', 'onlinejudge_bench', '-q', '-v', 'ON_ERROR_STOP=1')
        if ($env:OJ_BENCH_SUBMISSIONS) { $seedArgs += @('-v', "submissions=$([int]$env:OJ_BENCH_SUBMISSIONS)") }
        Invoke-Native $psql ($pg + $seedArgs + @('-f', (Join-Path $Root 'bench/seed.sql')))
        New-Item -ItemType Directory -Force -Path $LocalDir | Out-Null
        if (Test-TcpPort 8090) { throw 'Port 8090 is taken by another program: the bench would measure it instead of this build.' }
        if ($Outage) {
            Invoke-OutageBench
            return
        }
        $server = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput (Join-Path $LocalDir 'bench-server.log') -ArgumentList @(
            (Join-Path $Root "OnlineJudge.Web/bin/$Configuration/net10.0/OnlineJudge.Web.dll"), '--urls', 'http://127.0.0.1:8090',
            '--Logging:LogLevel:Default=Warning', "--Judge:Token=$BenchJudgeToken")
        # The bare-limit server takes the first free port from 18091 (other people's servers may hold 8091).
        $barePort = 18091
        while (Test-TcpPort $barePort) { $barePort++ }
        $bareUrl = "http://127.0.0.1:$barePort"
        $bare = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput (Join-Path $LocalDir 'bench-bare.log') -ArgumentList @(
            (Join-Path $Root 'bench/BareLimit/bin/Release/net10.0/BareLimit.dll'), '--urls', $bareUrl)
        try {
            Wait-Port 8090 'The server'
            Wait-Port $barePort 'The bare-limit server'
            foreach ($target in $BenchTargets) {
                $wrong = Test-Envelope "http://127.0.0.1:8090$($target[1])" $target[2]
                if ($wrong) { $failures.Add("$($target[0]) ($($target[1])): $wrong") }
            }
            foreach ($kind in 'key', 'page') {
                $wrong = Test-Envelope "$bareUrl$($BareTargets[$kind][1])" $null
                if ($wrong) { throw "The bare-limit server answers wrongly: $wrong" }
            }

            Write-Step "Warming up (JIT, caches, connection pools); load average $(Get-LoadAverage)"
            # Two passes: tiered JIT reaches its optimised code only after many calls of every path.
            foreach ($pass in 1..2) {
                foreach ($kind in 'key', 'page') { & wrk -t2 -c32 -d5s "$bareUrl$($BareTargets[$kind][1])" | Out-Null }
                foreach ($target in $BenchTargets) {
                    $warm = @('-t2', '-c32', '-d5s', "http://127.0.0.1:8090$($target[1])")
                    if ($target[2]) { $warm = @('-H', $target[2]) + $warm }
                    & wrk @warm | Out-Null
                }
            }

            # The bare limits are measured before and after the endpoints; their mean is the yardstick.
            $loadBefore = Get-LoadAverage
            $limits = @{}
            foreach ($kind in 'key', 'page') { $limits[$kind] = @((Invoke-Wrk "$bareUrl$($BareTargets[$kind][1])" $null '10s').Rps) }
            $results = foreach ($target in $BenchTargets) {
                $result = Invoke-Wrk "http://127.0.0.1:8090$($target[1])" $target[2] '10s'
                foreach ($problem in $result.Problems) { $failures.Add("$($target[0]) ($($target[1])): $problem") }
                [pscustomobject]@{ Target = $target; Result = $result }
            }
            foreach ($kind in 'key', 'page') { $limits[$kind] += (Invoke-Wrk "$bareUrl$($BareTargets[$kind][1])" $null '10s').Rps }
            $loadAfter = Get-LoadAverage

            Write-Host ('{0,-20} {1,10} {2,9} {3,12} {4,7}' -f 'endpoint', 'req/s', 'p99', 'bare limit', 'ratio')
            foreach ($kind in 'key', 'page') {
                $mean = ($limits[$kind] | Measure-Object -Average).Average
                Write-Host ('{0,-20} {1,10:N0} {2,9} {3,12} {4,7}   (runs: {5})' -f $BareTargets[$kind][0], $mean, '', '', '',
                    (($limits[$kind] | ForEach-Object { '{0:N0}' -f $_ }) -join ', '))
            }
            foreach ($row in $results) {
                $limit = ($limits[$row.Target[3]] | Measure-Object -Average).Average
                $ratio = if ($limit -gt 0) { '{0:N2}' -f ($row.Result.Rps / $limit) } else { '?' }
                $flag = if ($row.Result.Problems.Count -gt 0) { '  FAILED' } else { '' }
                Write-Host ('{0,-20} {1,10:N0} {2,9} {3,12:N0} {4,7}{5}' -f $row.Target[0], $row.Result.Rps, $row.Result.P99, $limit, $ratio, $flag)
            }
            Write-Host "load average before: $loadBefore, after: $loadAfter (2 cores; figures are noisy above ~2)"
            if ($judging) {
                # Last, since it adds submissions: submit latency and a burst of 1,000 through two fake judge servers.
                Write-Step "Judging: submit latency and a burst of 1,000 submissions (bench/JudgeBench); load average $(Get-LoadAverage)"
                & dotnet (Join-Path $Root 'bench/JudgeBench/bin/Release/net10.0/JudgeBench.dll') --backend 'http://127.0.0.1:8090' `
                    --token $BenchJudgeToken --apikey 'benchbenchbenchbenchbenchbench00' --problem 1 --count 1000 --cores 2
                if ($LASTEXITCODE -ne 0) { $failures.Add('judging: verdicts lost or counted twice (see above)') }
            }
        }
        finally {
            Stop-Process -Id $server.Id -ErrorAction SilentlyContinue
            Stop-Process -Id $bare.Id -ErrorAction SilentlyContinue
        }
        $trips = @(Select-String -Path (Join-Path $LocalDir 'bench-server.log') -Pattern 'Redis failed \d+ times in a row' -ErrorAction SilentlyContinue).Count
        if ($trips -gt 0) {
            Write-Host "The Redis circuit breaker opened $trips time(s) during the run (slow Redis; see .local/bench-server.log)" -ForegroundColor Yellow
        }
    }
    finally {
        $env:ConnectionStrings__Default = $saved
        $env:ConnectionStrings__Redis = $savedRedis
    }
    if ($failures.Count -gt 0) {
        Write-Host ''
        Write-Host "BENCH FAILED: $($failures.Count) endpoint problem(s); their figures do not count:" -ForegroundColor Red
        foreach ($failure in $failures) { Write-Host "  - $failure" -ForegroundColor Red }
        exit 1
    }
}

# Toolchains of the six languages (judge.md §8.1) and the sandbox, from Debian's packages.
$JudgePackages = [ordered]@{
    '/usr/bin/bwrap'   = 'bubblewrap'
    '/usr/bin/gcc'     = 'gcc'
    '/usr/bin/g++'     = 'g++'
    '/usr/bin/javac'   = 'openjdk-17-jdk-headless'
    '/usr/bin/python3' = 'python3'
    '/usr/bin/go'      = 'golang-go'
    '/usr/bin/node'    = 'nodejs'
}

function Install-JudgePackages {
    $missing = @($JudgePackages.Keys | Where-Object { -not (Test-Path $_) } | ForEach-Object { $JudgePackages[$_] } | Select-Object -Unique)
    if ($missing.Count -eq 0) { return }
    $command = "apt-get update && apt-get install -y --no-install-recommends $($missing -join ' ')"
    if (-not (Test-IsRoot)) {
        Write-Warning "Judge toolchains missing: $($missing -join ', '). Install them with: sudo sh -c '$command'"
        return
    }
    Write-Step "Installing judge toolchains: $($missing -join ', ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-Native 'apt-get' @('update', '-q')
    Invoke-Native 'apt-get' (@('install', '-y', '-q', '--no-install-recommends') + $missing)
}

function Get-AppSetting([string]$Section, [string]$Key) {
    $settings = Join-Path $Root 'appsettings.json'
    if (-not (Test-Path $settings)) { return $null }
    $json = Get-Content $settings -Raw | ConvertFrom-Json
    if ($json.PSObject.Properties[$Section] -and $json.$Section.PSObject.Properties[$Key]) { return $json.$Section.$Key }
    return $null
}

# The token shared by the backend and its judge servers (configuration key Judge:Token, read by both). When none is
# configured, one is generated once into .local/judge_token and passed to both processes.
function Set-JudgeToken {
    if ($env:Judge__Token) { return }
    if (Get-AppSetting 'Judge' 'Token') { return }
    if (-not (Test-Path $JudgeTokenFile)) {
        New-Item -ItemType Directory -Force -Path $LocalDir | Out-Null
        $bytes = [byte[]]::new(24)
        [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
        Set-Content -Path $JudgeTokenFile -Value ([Convert]::ToHexString($bytes).ToLowerInvariant()) -NoNewline
        if (-not $IsWindows) { & chmod 600 $JudgeTokenFile }
        Write-Step "Generated the judge server token in $JudgeTokenFile"
    }
    $env:Judge__Token = (Get-Content $JudgeTokenFile -Raw).Trim()
}

function Build-Judge {
    Write-Step "Building the judge server ($Configuration)"
    Invoke-Native 'dotnet' @('build', $JudgeProject, '-c', $Configuration, '-nologo', '-v', 'q')
}

function Get-JudgeDll { return Join-Path $Root "OnlineJudge.Judge/bin/$Configuration/net10.0/OnlineJudge.Judge.dll" }

function Get-JudgeUrl {
    if ($env:JudgeServer__Urls) { return $env:JudgeServer__Urls.Split(';')[0] }
    $configured = Get-AppSetting 'JudgeServer' 'Urls'
    if ($configured) { return $configured.Split(';')[0] }
    return 'http://127.0.0.1:8080'
}

# The web server's own URL as seen from this machine (its first Urls entry, wildcard hosts as 127.0.0.1).
function Get-WebUrl {
    $urls = if ($env:Urls) { $env:Urls } elseif ($env:ASPNETCORE_URLS) { $env:ASPNETCORE_URLS } else { $null }
    if (-not $urls) {
        $settings = Join-Path $Root 'appsettings.json'
        $urls = if (Test-Path $settings) { (Get-Content $settings -Raw | ConvertFrom-Json).Urls } else { $null }
    }
    if (-not $urls) { $urls = 'http://127.0.0.1:8000' }
    return ($urls.Split(';')[0] -replace '://(\*|\+|0\.0\.0\.0|\[::\])', '://127.0.0.1')
}

function Start-JudgeServer([string]$Backend, [string]$LogFile) {
    $judgeUrl = Get-JudgeUrl
    $port = ([Uri]$judgeUrl).Port
    if (Test-TcpPort $port) { throw "Port $port of the judge server is taken. Set JudgeServer__Urls (e.g. http://127.0.0.1:8081)." }
    $env:JudgeServer__Urls = $judgeUrl
    $env:JudgeServer__BackendUrl = $Backend
    $env:JudgeServer__ExitWithProcessId = "$PID"
    $beats = if ($Backend) { "heartbeats to $Backend" } else { 'no heartbeats' }
    Write-Step "Starting a judge server on $judgeUrl (log: $LogFile), $beats"
    $process = Start-Process dotnet -PassThru -ArgumentList @((Get-JudgeDll)) -WorkingDirectory $Root `
        -RedirectStandardOutput $LogFile -RedirectStandardError "$LogFile.err"
    for ($i = 0; $i -lt 100 -and -not (Test-TcpPort $port); $i++) {
        if ($process.HasExited) { throw "The judge server stopped at start (see $LogFile and $LogFile.err)" }
        Start-Sleep -Milliseconds 200
    }
    return $process
}

# SIGTERM first, so that the server stops its sandboxes and removes its work folder; SIGKILL if it does not exit.
function Stop-JudgeServer($Process) {
    if ($Process -and -not $Process.HasExited) {
        Write-Step "Stopping the judge server (pid $($Process.Id))"
        & kill -TERM $Process.Id 2>$null
        if (-not $Process.WaitForExit(10000)) { Stop-Process -Id $Process.Id -ErrorAction SilentlyContinue }
    }
}

# A judge server alone, for another machine: it needs the backend's URL, the same token (Judge__Token) and a copy of the
# backend's test-case folder (JudgeServer__TestCaseDir, or Storage__DataDir/test_case).
function Invoke-Judge {
    $backend = if ($BackendUrl) { $BackendUrl } else { $env:JudgeServer__BackendUrl }
    if (-not $backend) { throw 'Give the backend: dotnet pwsh ./build.ps1 judge -BackendUrl http://<web server>:8000' }
    if (-not $env:Judge__Token -and -not (Get-AppSetting 'Judge' 'Token')) {
        throw 'Set the shared token first (the backend''s judge_server_token): export Judge__Token=...'
    }
    Install-JudgePackages
    Build-Judge
    $env:JudgeServer__BackendUrl = $backend
    if ($ServiceUrl) { $env:JudgeServer__ServiceUrl = $ServiceUrl }
    if (-not $env:JudgeServer__Urls) { $env:JudgeServer__Urls = Get-JudgeUrl }
    Write-Step "Judge server on $($env:JudgeServer__Urls), heartbeats to $backend (Ctrl+C to stop)"
    Invoke-Native 'dotnet' @((Get-JudgeDll))
}

# The judge server alone on port 8091 with a 10-case a+b problem: per-test-case sandbox time (spawn to exit, the
# real_time of each case) and request latency for C and C++, then C++ submissions per minute at the concurrency the
# backend allows one server (2 x cores + 1).
function Invoke-BenchJudge {
    Install-JudgePackages
    Build-Judge
    $benchDir = Join-Path $LocalDir 'bench-judge'
    Remove-Item -Recurse -Force $benchDir -ErrorAction SilentlyContinue
    $caseDir = Join-Path $benchDir 'test_case/aplusb10'
    New-Item -ItemType Directory -Force -Path $caseDir | Out-Null
    $cases = [ordered]@{}
    $md5 = [System.Security.Cryptography.MD5]::Create()
    foreach ($i in 1..10) {
        $a = Get-Random -Minimum 0 -Maximum 1000000; $b = Get-Random -Minimum 0 -Maximum 1000000
        $in = "$a $b`n"; $out = "$($a + $b)`n"
        [IO.File]::WriteAllText((Join-Path $caseDir "$i.in"), $in)
        [IO.File]::WriteAllText((Join-Path $caseDir "$i.out"), $out)
        $hash = [Convert]::ToHexString($md5.ComputeHash([Text.Encoding]::UTF8.GetBytes($out.TrimEnd()))).ToLowerInvariant()
        $cases["$i"] = [ordered]@{ input_name = "$i.in"; input_size = $in.Length; output_name = "$i.out"; output_size = $out.Length; stripped_output_md5 = $hash }
    }
    [IO.File]::WriteAllText((Join-Path $caseDir 'info'), (@{ test_cases = $cases } | ConvertTo-Json -Depth 5))

    $token = 'bench-judge-token'
    $env:Judge__Token = $token
    $env:JudgeServer__TestCaseDir = Join-Path $benchDir 'test_case'
    $env:JudgeServer__Urls = 'http://127.0.0.1:8091'
    $env:Logging__LogLevel__Default = 'Warning'
    $judge = Start-JudgeServer '' (Join-Path $LocalDir 'bench-judge.log')
    try {
        $hashBytes = [System.Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($token))
        $headers = @{ 'X-Judge-Server-Token' = [Convert]::ToHexString($hashBytes).ToLowerInvariant() }
        $envList = @('LANG=en_US.UTF-8', 'LANGUAGE=en_US:en', 'LC_ALL=en_US.UTF-8')
        $c = @{
            compile = @{ src_name = 'main.c'; exe_name = 'main'; max_cpu_time = 3000; max_real_time = 10000; max_memory = 268435456
                compile_command = '/usr/bin/gcc -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c17 {src_path} -lm -o {exe_path}' }
            run = @{ command = '{exe_path}'; seccomp_rule = @{ 'Standard IO' = 'c_cpp' }; env = $envList }
        }
        $cpp = @{
            compile = @{ src_name = 'main.cpp'; exe_name = 'main'; max_cpu_time = 10000; max_real_time = 20000; max_memory = 1073741824
                compile_command = '/usr/bin/g++ -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c++20 {src_path} -lm -o {exe_path}' }
            run = @{ command = '{exe_path}'; seccomp_rule = @{ 'Standard IO' = 'c_cpp' }; env = $envList }
        }
        $body = {
            param($config, $src)
            @{ language_config = $config; src = $src; max_cpu_time = 1000; max_memory = 268435456; test_case_id = 'aplusb10'; output = $false
                io_mode = @{ io_mode = 'Standard IO'; input = 'input.txt'; output = 'output.txt' } } | ConvertTo-Json -Depth 6
        }
        $cBody = & $body $c "#include <stdio.h>`nint main(){long a,b;scanf(`"%ld %ld`",&a,&b);printf(`"%ld\n`",a+b);return 0;}`n"
        $cppBody = & $body $cpp "#include <iostream>`nint main(){long a,b;std::cin>>a>>b;std::cout<<a+b<<std::endl;return 0;}`n"
        $url = 'http://127.0.0.1:8091/judge'
        $judgeOnce = {
            param($requestBody)
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $reply = Invoke-RestMethod -Method Post -Uri $url -Headers $headers -ContentType 'application/json' -Body $requestBody
            $watch.Stop()
            if ($reply.err -or @($reply.data | Where-Object { $_.result -ne 0 }).Count -gt 0) { throw "bench submission not accepted: $($reply | ConvertTo-Json -Depth 4 -Compress)" }
            [pscustomobject]@{ Ms = $watch.Elapsed.TotalMilliseconds; RealTimes = @($reply.data | ForEach-Object { $_.real_time }); CpuTimes = @($reply.data | ForEach-Object { $_.cpu_time }) }
        }
        Write-Step 'Warming up'
        foreach ($i in 1..3) { & $judgeOnce $cBody | Out-Null; & $judgeOnce $cppBody | Out-Null }
        $percentile = { param($values, $p) $sorted = @($values | Sort-Object); $sorted[[Math]::Min($sorted.Count - 1, [int][Math]::Floor($p * $sorted.Count))] }
        foreach ($language in @(@('C', $cBody, 20), @('C++', $cppBody, 10))) {
            $runs = @(foreach ($i in 1..$language[2]) { & $judgeOnce $language[1] })
            $real = @($runs | ForEach-Object { $_.RealTimes })
            $ms = @($runs | ForEach-Object { $_.Ms })
            Write-Host ('{0,-4} a+b, 10 test cases: per test case spawn-to-exit avg {1:N1} ms, p50 {2} ms, p95 {3} ms; whole request avg {4:N0} ms, max {5:N0} ms ({6} requests)' -f `
                    $language[0], ($real | Measure-Object -Average).Average, (& $percentile $real 0.5), (& $percentile $real 0.95),
                ($ms | Measure-Object -Average).Average, ($ms | Measure-Object -Maximum).Maximum, $runs.Count)
        }
        $concurrency = 2 * [Environment]::ProcessorCount + 1
        $seconds = 30
        Write-Step "C++ submissions per minute: $concurrency at once for $seconds s"
        $deadline = [DateTime]::UtcNow.AddSeconds($seconds)
        $done = 1..$concurrency | ForEach-Object -ThrottleLimit $concurrency -Parallel {
            $count = 0
            while ([DateTime]::UtcNow -lt $using:deadline) {
                $reply = Invoke-RestMethod -Method Post -Uri $using:url -Headers $using:headers -ContentType 'application/json' -Body $using:cppBody
                if (-not $reply.err) { $count++ }
            }
            $count
        }
        $total = ($done | Measure-Object -Sum).Sum
        Write-Host ('C++ a+b with 10 test cases: {0} submissions in {1} s = {2:N0} submissions per minute (one judge server, {3} cores)' -f `
                $total, $seconds, ($total * 60 / $seconds), [Environment]::ProcessorCount)
    }
    finally { Stop-JudgeServer $judge }
}

# A site of two web instances behind nginx (Debian package) and two judge servers, on one PostgreSQL, Redis and data
# folder, as README's Deployment describes, on one machine. Ports: nginx on OJ_CLUSTER_PORT (default 8200), the web
# instances on the next two, the judge servers on the two after. OJ_CLIENT_DIR: a built client (ojnext's dist) that
# nginx serves; without it nginx proxies everything. Ctrl+C stops every process it started, by PID.
function Invoke-Cluster {
    Start-Services
    Install-CodeTools
    Install-JudgePackages
    if (-not (Test-Path '/usr/sbin/nginx')) {
        if (-not (Test-IsRoot)) { throw "nginx is missing. Install it with: sudo apt-get install -y nginx" }
        Write-Step 'Installing nginx'
        $env:DEBIAN_FRONTEND = 'noninteractive'
        Invoke-Native 'apt-get' @('install', '-y', '-q', '--no-install-recommends', 'nginx')
    }
    if (-not $env:Storage__DataDir) { $env:Storage__DataDir = Join-Path $Root 'data' }
    Set-JudgeToken
    Build-Web
    Build-Judge
    Invoke-Migrate
    Invoke-Web @('inituser', '--username', 'root', '--password', 'rootroot', '--email', 'root@example.com',
        '--action', 'create_super_admin', '--only-if-no-users')
    $base = if ($env:OJ_CLUSTER_PORT) { [int]$env:OJ_CLUSTER_PORT } else { 8200 }
    $ports = @{ nginx = $base; web = @(($base + 1), ($base + 2)); judge = @(($base + 3), ($base + 4)) }
    foreach ($port in @($ports.nginx) + $ports.web + $ports.judge) {
        if (Test-TcpPort $port) { throw "Port $port is taken. Set OJ_CLUSTER_PORT to the first of five free ports." }
    }
    $clusterDir = Join-Path $LocalDir 'cluster'
    New-Item -ItemType Directory -Force -Path (Join-Path $clusterDir 'logs'), (Join-Path $clusterDir 'tmp') | Out-Null
    $siteUrl = "http://127.0.0.1:$($ports.nginx)"
    $started = [System.Collections.Generic.List[object]]::new()
    $judges = [System.Collections.Generic.List[object]]::new()
    try {
        $index = 0
        foreach ($port in $ports.web) {
            $index++
            Write-Step "Starting web instance $index on http://127.0.0.1:$port (log: .local/cluster/web-$index.log)"
            $started.Add((Start-Process dotnet -PassThru -WorkingDirectory $Root -RedirectStandardOutput (Join-Path $clusterDir "web-$index.log") `
                -RedirectStandardError (Join-Path $clusterDir "web-$index.err") -ArgumentList @(
                    (Join-Path $Root "OnlineJudge.Web/bin/$Configuration/net10.0/OnlineJudge.Web.dll"), '--urls', "http://127.0.0.1:$port")))
        }
        foreach ($port in $ports.web) { Wait-Port $port "Web instance on $port" }
        $index = 0
        foreach ($port in $ports.judge) {
            $index++
            $env:JudgeServer__Urls = "http://127.0.0.1:$port"
            $env:JudgeServer__Hostname = "cluster-judge-$index"
            $judges.Add((Start-JudgeServer $siteUrl (Join-Path $clusterDir "judge-$index.log")))
        }
        $conf = Join-Path $clusterDir 'nginx.conf'
        Write-ClusterNginxConfig $conf $clusterDir $ports
        Write-Step "Starting nginx on $siteUrl (config: .local/cluster/nginx.conf)"
        Invoke-Native '/usr/sbin/nginx' @('-t', '-q', '-p', $clusterDir, '-c', $conf)
        $started.Add((Start-Process '/usr/sbin/nginx' -PassThru -ArgumentList @('-p', $clusterDir, '-c', $conf, '-g', 'daemon off;')))
        Wait-Port $ports.nginx 'nginx'
        Write-Step "Serving $siteUrl (nginx → web instances on $($ports.web -join ' and '); judge servers on $($ports.judge -join ' and ')). Ctrl+C to stop"
        while ($true) {
            foreach ($process in $started) {
                if ($process.HasExited) { throw "Process $($process.Id) of the cluster exited (see .local/cluster/*.log)" }
            }
            Start-Sleep -Seconds 2
        }
    }
    finally {
        foreach ($judge in $judges) { Stop-JudgeServer $judge }
        foreach ($process in $started) {
            if (-not $process.HasExited) {
                Write-Step "Stopping pid $($process.Id)"
                & kill -TERM $process.Id 2>$null
                if (-not $process.WaitForExit(10000)) { Stop-Process -Id $process.Id -ErrorAction SilentlyContinue }
            }
        }
    }
}

# deploy/nginx/onlinejudge.conf's rules for the local instances, as a whole nginx.conf with its files under .local/cluster.
function Write-ClusterNginxConfig([string]$Path, [string]$Dir, $Ports) {
    $servers = ($Ports.web | ForEach-Object { "        server 127.0.0.1:$_;" }) -join "`n"
    $client = $env:OJ_CLIENT_DIR
    $rootLocation = if ($client) {
        "        root $((Resolve-Path $client).Path);`n        location / { try_files `$uri `$uri/ /index.html; }"
    }
    else {
        "        location / { proxy_set_header Connection `"`"; proxy_pass http://onlinejudge_web; }"
    }
    $user = if (Test-IsRoot) { 'user root;' } else { '' }
    $tmp = Join-Path $Dir 'tmp'
    Set-Content -Path $Path -Value @"
$user
worker_processes 1;
pid $(Join-Path $Dir 'nginx.pid');
error_log $(Join-Path $Dir 'logs/error.log') warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $(Join-Path $Dir 'logs/access.log');
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    upstream onlinejudge_web {
$servers
        keepalive 32;
    }
    map `$http_upgrade `$connection_upgrade { default upgrade; '' ''; }
    server {
        listen 127.0.0.1:$($Ports.nginx);
        client_max_body_size 1100m;
        proxy_http_version 1.1;
        proxy_set_header Host `$http_host;
        proxy_set_header X-Real-IP `$remote_addr;
        proxy_set_header X-Forwarded-For `$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto `$scheme;
        location /api/ { proxy_set_header Connection ""; proxy_read_timeout 600s; proxy_pass http://onlinejudge_web; }
        location /public/ { proxy_set_header Connection ""; proxy_pass http://onlinejudge_web; }
        location /ws/ {
            proxy_set_header Upgrade `$http_upgrade;
            proxy_set_header Connection `$connection_upgrade;
            proxy_read_timeout 3600s;
            proxy_pass http://onlinejudge_web;
        }
        location = /metrics { return 404; }
$rootLocation
    }
}
"@
}

# The tests' fake AI provider as a server a person can start (settings: FAKEAI_URLS, FAKEAI_REPLYDELAYMILLISECONDS,
# FAKEAI_CHUNKDELAYMILLISECONDS; or run its dll with --urls, --reply-delay-ms, --chunk-delay-ms).
function Invoke-FakeAi {
    $project = Join-Path $Root 'tools/FakeAiProvider/FakeAiProvider.csproj'
    Write-Step "Building the fake AI provider ($Configuration)"
    Invoke-Native 'dotnet' @('build', $project, '-c', $Configuration, '-nologo', '-v', 'q')
    Invoke-Native 'dotnet' @((Join-Path $Root "tools/FakeAiProvider/bin/$Configuration/net10.0/FakeAiProvider.dll"))
}

switch ($Task) {
    'run' { Invoke-Run }
    'test' { Invoke-Test }
    'migrate' { Start-Services; Build-Web; Invoke-Migrate }
    'bench' { Invoke-Bench -Outage:($Action -eq 'outage') }
    'bench-judge' { Invoke-BenchJudge }
    'judge' { Invoke-Judge }
    'cluster' { Invoke-Cluster }
    'fake-ai' { Invoke-FakeAi }
    'adopt' { Start-Services; Build-Web; Write-Step 'Adopting the database'; Invoke-Web @('adopt'); Invoke-Migrate }
    'services' {
        switch ($Action) {
            'start' { Start-Services; Show-ServiceStatus }
            'stop' { Stop-LocalServices }
            default { Show-ServiceStatus }
        }
    }
    default { Get-Help $PSCommandPath -Detailed | Out-String | Write-Host }
}
