namespace OnlineJudge.Tests.Judge;

/// <summary>Small programs for each language and verdict: a+b (AC), a−b (WA), a syntax error (CE), a busy loop (TLE),
/// growing memory in 1 MiB steps (MLE), a crash (RE).</summary>
public static class LanguagePrograms
{
    public static string Accepted(JudgeLanguage language) => language.Name switch
    {
        "C" => "#include <stdio.h>\nint main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}\n",
        "C++" => "#include <iostream>\nint main(){int a,b;std::cin>>a>>b;std::cout<<a+b<<std::endl;return 0;}\n",
        "Java" => "import java.util.*;\npublic class Main{public static void main(String[] x){Scanner s=new Scanner(System.in);System.out.println(s.nextInt()+s.nextInt());}}\n",
        "Python3" => "a, b = map(int, input().split())\nprint(a + b)\n",
        "Golang" => "package main\nimport \"fmt\"\nfunc main(){ var a, b int; fmt.Scan(&a, &b); fmt.Println(a + b) }\n",
        "JavaScript" => "const v = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(v[0] + v[1]);\n",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string WrongAnswer(JudgeLanguage language) => Accepted(language).Replace("a+b", "a-b", StringComparison.Ordinal)
        .Replace("a + b", "a - b", StringComparison.Ordinal).Replace("s.nextInt()+s.nextInt()", "s.nextInt()-s.nextInt()", StringComparison.Ordinal)
        .Replace("v[0] + v[1]", "v[0] - v[1]", StringComparison.Ordinal);

    public static string CompileError(JudgeLanguage language) => language.Name switch
    {
        "C" or "C++" => "int main( { return 0 }\n",
        "Java" => "public class Main { public static void main(String[] a) { int x = } }\n",
        "Python3" => "def f(:\n    pass\n",
        "Golang" => "package main\nfunc main() { x := }\n",
        "JavaScript" => "function ( {\n",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string BusyLoop(JudgeLanguage language) => language.Name switch
    {
        "C" => "int main(){volatile unsigned long x=0;for(;;)x++;}\n",
        "C++" => "int main(){volatile unsigned long x=0;for(;;)x++;}\n",
        "Java" => "public class Main{static volatile long x;public static void main(String[] a){while(true)x++;}}\n",
        "Python3" => "x = 0\nwhile True:\n    x += 1\n",
        "Golang" => "package main\nvar x int\nfunc main(){ for { x++ } }\n",
        "JavaScript" => "let x = 0;\nwhile (true) { x++; }\n",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Takes up to 1 GiB in touched 1 MiB blocks, stopping quietly when an allocation fails.</summary>
    public static string MemoryHog(JudgeLanguage language) => language.Name switch
    {
        "C" => "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(){long t=0;for(int i=0;i<1024;i++){char*p=malloc(1<<20);if(!p)break;memset(p,i,1<<20);t+=p[7];}printf(\"%ld\\n\",t);return 0;}\n",
        "C++" => "#include <iostream>\n#include <vector>\nint main(){std::vector<std::vector<char>> v;for(int i=0;i<1024;i++)v.emplace_back(1<<20,(char)i);std::cout<<v.size()<<std::endl;}\n",
        "Java" => "import java.util.*;\npublic class Main{public static void main(String[] a){List<byte[]> l=new ArrayList<>();for(int i=0;i<1024;i++){byte[] b=new byte[1<<20];Arrays.fill(b,(byte)i);l.add(b);}System.out.println(l.size());}}\n",
        "Python3" => "blocks = []\nfor i in range(1024):\n    blocks.append(bytearray([i % 256]) * (1 << 20))\nprint(len(blocks))\n",
        "Golang" => "package main\nimport \"fmt\"\nfunc main(){ var l [][]byte; for i := 0; i < 1024; i++ { b := make([]byte, 1<<20); for j := range b { b[j] = byte(i) }; l = append(l, b) }; fmt.Println(len(l)) }\n",
        "JavaScript" => "const l = [];\nfor (let i = 0; i < 1024; i++) { l.push(Buffer.alloc(1 << 20, i)); }\nconsole.log(l.length);\n",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string Crash(JudgeLanguage language) => language.Name switch
    {
        "C" => "int main(){volatile int *p=0;*p=1;return 0;}\n",
        "C++" => "#include <stdexcept>\nint main(){throw std::runtime_error(\"boom\");}\n",
        "Java" => "public class Main{public static void main(String[] a){int[] x=new int[1];System.out.println(x[2]);}}\n",
        "Python3" => "print(1 // 0)\n",
        "Golang" => "package main\nimport \"fmt\"\nfunc main(){ var s []int; i := 3; fmt.Println(s[i]) }\n",
        "JavaScript" => "throw new Error('boom');\n",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}
