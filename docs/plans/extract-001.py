import re, csv, sys, io
SRC='/work/shared/seeds/001_e1558aa038f95f91.txt'
lines=open(SRC,encoding='utf-8').read().split('\n')

def clean(cell):
    c=re.sub(r'<sup>.*?</sup>','',cell)
    c=re.sub(r'<br\s*/?>','\n',c)
    c=re.sub(r'</?p>','',c)
    c=re.sub(r'</?(b|i)>','',c)
    c=c.replace('$','')
    c=c.replace('\\geq','≥').replace('\\leq','≤').replace('\\%','%').replace('\\,',' ')
    c='\n'.join(re.sub(r'\s+',' ',part).strip() for part in c.split('\n')).strip()
    c=c.replace('≥ ','≥ ').replace('≥','≥ ').replace('≥  ','≥ ')
    c=re.sub(r'≥\s+',r'≥ ',c)
    c=re.sub(r'≤\s+',r'≤ ',c)
    return c

def table(start, end):
    """rows of the markdown tables between two line numbers (1-based), header once, continuation rows merged"""
    header=None; rows=[]
    for n in range(start, end+1):
        line=lines[n-1]
        if not line.startswith('|'):
            continue
        cells=[clean(c) for c in line.strip().strip('|').split('|')]
        if all(re.fullmatch(r'-*',c.replace(' ','')) for c in cells):
            continue
        if cells[0] in ('TT',):
            if header is None:
                header=cells
            continue
        if cells[0]=='' and rows:
            prev=rows[-1]
            for i,c in enumerate(cells):
                if c:
                    prev[1][i]=(prev[1][i]+' '+c).strip()
            continue
        rows.append([n, cells])
    return header, rows

def write(path, titles, header, rows):
    out=io.StringIO()
    w=csv.writer(out, lineterminator='\n')
    for t in titles:
        w.writerow([t])
    w.writerow(header+['Dòng nguồn'])
    for n,cells in rows:
        w.writerow(cells+[n])
    open(path,'w',encoding='utf-8').write(out.getvalue())
    print(path, len(rows))

start_i=next(i for i,l in enumerate(lines,1) if l.startswith('**Phụ lục I**'))
start_ii=next(i for i,l in enumerate(lines,1) if l.startswith('**Phụ lục II**'))
h1,r1=table(start_i, start_ii-1)
h2,r2=table(start_ii, len(lines))
outdir=sys.argv[1]
write(outdir+'/001-phu-luc-I-chi-tieu.csv', ['Phụ lục I','MỤC TIÊU, CHỈ TIÊU CỤ THỂ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ TRÊN ĐỊA BÀN TỈNH BẮC NINH NĂM 2026','(Kèm theo Kế hoạch số /KH-UBND ngày / /2026 của UBND tỉnh)'], h1, r1)
write(outdir+'/001-phu-luc-II-nhiem-vu.csv', ['Phụ lục II','DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026 THEO CÁC KẾ HOẠCH CỦA UBND TỈNH, NGHỊ QUYẾT SỐ 11/NQ-CP','(Kèm theo Kế hoạch số /KH-UBND ngày / /2026 của UBND tỉnh)'], h2, r2)
