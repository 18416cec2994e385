namespace OnlineJudge.Tests.Operations;

/// <summary>
/// The shipped nginx site (deploy/nginx/onlinejudge.conf, also what <c>build.ps1 cluster</c> runs). nginx gives a
/// location the server's <c>proxy_set_header</c> lines only when the location has none of its own: one there silently
/// sends <c>Host: onlinejudge_web</c> and no <c>X-Forwarded-*</c>, and every write fails the CSRF origin check.
/// </summary>
public class NginxConfigTests
{
    private static readonly string ConfigPath =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../deploy/nginx/onlinejudge.conf"));

    [Test]
    public void Proxy_headers_are_set_once_for_every_location()
    {
        var (server, locations) = ReadServerBlock();
        Assert.Multiple(() =>
        {
            Assert.That(server, Does.Contain("proxy_set_header Host $http_host;"), "the Host with its port, as the browser's Origin has it");
            Assert.That(server, Does.Contain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"));
            Assert.That(server, Does.Contain("proxy_set_header X-Forwarded-Proto $scheme;"));
            Assert.That(server, Does.Contain("proxy_set_header Upgrade $http_upgrade;"));
            Assert.That(server, Does.Contain("proxy_set_header Connection $connection_upgrade;"));
            Assert.That(server, Does.Contain("proxy_http_version 1.1;"));
            foreach (var (name, body) in locations)
            {
                Assert.That(body.Any(line => line.StartsWith("proxy_set_header", StringComparison.Ordinal)), Is.False,
                    $"location {name} sets a header of its own, so it loses the server's Host and X-Forwarded-* headers");
            }
        });
    }

    [Test]
    public void The_api_sockets_and_files_go_to_the_instances_and_metrics_stay_private()
    {
        var (_, locations) = ReadServerBlock();
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "/api/", "/public/", "/ws/" })
            {
                Assert.That(locations, Contains.Key(name));
                Assert.That(locations[name], Does.Contain("proxy_pass http://onlinejudge_web;"), name);
            }

            Assert.That(locations["= /metrics"], Does.Contain("return 404;"));
            Assert.That(locations["/"], Does.Contain("try_files $uri $uri/ /index.html;"), "the client's routes fall back to index.html");
        });
    }

    /// <summary>The server block's own directives and each location's, comments dropped.</summary>
    private static (List<string> Server, Dictionary<string, List<string>> Locations) ReadServerBlock()
    {
        Assert.That(File.Exists(ConfigPath), Is.True, ConfigPath);
        var server = new List<string>();
        var locations = new Dictionary<string, List<string>>();
        var depth = 0;
        var inServer = false;
        List<string>? location = null;
        foreach (var raw in File.ReadLines(ConfigPath))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('{'))
            {
                var head = line.TrimEnd('{').Trim();
                if (depth == 0 && head == "server")
                {
                    inServer = true;
                }
                else if (inServer && depth == 1 && head.StartsWith("location ", StringComparison.Ordinal))
                {
                    location = [];
                    locations[head["location ".Length..].Trim()] = location;
                }

                depth++;
                continue;
            }

            if (line == "}")
            {
                depth--;
                if (depth == 1)
                {
                    location = null;
                }
                else if (depth == 0)
                {
                    inServer = false;
                }

                continue;
            }

            if (location is not null)
            {
                location.Add(line);
            }
            else if (inServer && depth == 1)
            {
                server.Add(line);
            }
        }

        return (server, locations);
    }
}
