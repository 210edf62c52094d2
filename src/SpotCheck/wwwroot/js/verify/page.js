// The verify page: loads the published record (or reads a file the visitor picks, on this machine only) and hands its
// bytes to the worker, which recomputes the draw; shows progress and the outcome. The worker starts with the page, so
// once the page has loaded nothing more is fetched from the server except the published record when asked for.
const root = document.getElementById('verify');
const $ = (id) => document.getElementById(id);

const STEPS = {
    json: '读取记录', inputs: '快照文件与输入清单哈希', seed: '承诺、秘密值与种子', selection: '抽取对象签号与排序',
    assignment: '执法检查人员分配', log: '日志链',
};

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let current = 0;
let source = '';

function setProgress(label, done, total) {
    $('verify-progress-label').textContent = label;
    const bar = $('verify-progress');
    bar.max = total > 0 ? total : 1;
    bar.value = total > 0 ? done : 0;
}

function show(ok, status, detail, line) {
    const result = $('verify-result');
    result.hidden = false;
    $('verify-outcome').className = `alert mb-2 ${ok === null ? 'alert-warning' : ok ? 'alert-success' : 'alert-danger'}`;
    $('verify-status').textContent = status;
    $('verify-detail').textContent = detail;
    $('verify-line').textContent = line;
    $('verify-summary').replaceChildren();
}

function summaryRow(term, value) {
    const dt = document.createElement('dt');
    dt.className = 'col-sm-3';
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.className = 'col-sm-9 text-break';
    dd.textContent = value;
    $('verify-summary').append(dt, dd);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} 秒`;

worker.onmessage = (event) => {
    const m = event.data;
    if (m.id !== current) return;
    if (m.type === 'progress') {
        const counts = m.total > 0 ? `：${m.done.toLocaleString('zh-CN')} / ${m.total.toLocaleString('zh-CN')}` : '';
        setProgress(`正在核验${source}——${STEPS[m.step] ?? m.step}${counts}`, m.done, m.total);
        return;
    }
    if (m.type === 'error') {
        setProgress('核验中断', 0, 0);
        show(null, '无法完成核验', `浏览器内核验出错：${m.message}`, '');
        return;
    }
    setProgress(`已完成（${source}，用时 ${seconds(m.ms)}）`, 1, 1);
    if (m.ok) {
        const s = m.summary;
        show(true, '核验通过', `在本机重算的结果与${source}逐项一致。`, m.line);
        summaryRow('抽取编号', s.drawId);
        summaryRow('名录对象', `${s.frame.toLocaleString('zh-CN')} 个`);
        summaryRow('抽中对象', `${s.selected} 个${s.strata > 0 ? `（${s.strata} 层）` : ''}${s.substitutions > 0 ? `，替补 ${s.substitutions} 个` : ''}`);
        summaryRow('检查组', `${s.teams} 个`);
        summaryRow('种子', s.seed);
        summaryRow('公共随机数', s.publicRandomness || '未使用');
        summaryRow('公信说明', s.trustLabel);
        summaryRow('日志条目', `${s.entries} 条`);
        if (s.privateFiles.length > 0) summaryRow('未公开文件', `${s.privateFiles.join('、')}（仅核对其哈希）`);
    } else {
        show(false, '核验未通过', `第一处不一致，发现于“${STEPS[m.step] ?? m.step}”：`, m.line);
    }
};

worker.onerror = () => {
    setProgress('核验中断', 0, 0);
    show(null, '无法完成核验', '浏览器未能启动核验程序（Web Worker）。请使用较新版本的浏览器，或下载记录文件后用命令行核验。', '');
};

function run(bytes, label) {
    current++;
    source = label;
    $('verify-result').hidden = true;
    setProgress(`正在核验${label}……`, 0, 0);
    worker.postMessage({ id: current, bytes }, [bytes]);
}

async function verifyPublished() {
    setProgress('正在载入公示记录……', 0, 0);
    try {
        const response = await fetch(root.dataset.recordUrl, { headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`服务器返回 ${response.status}`);
        run(await response.arrayBuffer(), '公示记录');
    } catch (e) {
        setProgress('未能载入公示记录', 0, 0);
        const reason = e instanceof TypeError ? '网络连接失败' : e.message;
        show(null, '无法载入公示记录', `${reason}。可稍后重试，或选择本机上的记录文件。`, '');
    }
}

$('verify-published').addEventListener('click', verifyPublished);
$('verify-file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => run(reader.result, `文件“${file.name}”`);
    reader.onerror = () => show(null, '无法读取文件', `未能读取“${file.name}”。`, '');
    reader.readAsArrayBuffer(file);
});
verifyPublished();
