// 农牧 (nmj), 林业和草原 (lcj), 水利 (slj), 生态环境 (sthj). Basic codes 150000 06xxxx.
import { BL, CHECK, ID, ORG, PE, SITU2, SITU4, cite, it } from './demo-items-dsl.ts';

const ANIMAL = '《中华人民共和国动物防疫法》';
const SEED = '《中华人民共和国种子法》';
const MILK = '《乳品质量安全监督管理条例》';
const FOREST = '《中华人民共和国森林法》';
const GRASS = '《中华人民共和国草原法》';
const WATER = '《中华人民共和国水法》';
const EIA = '《中华人民共和国环境影响评价法》';
const LAND_USE = '用地（用林、用草）权属证明材料';

export const ECOLOGY_ITEMS = [
  it('nmj', '060101', '种畜禽生产经营许可', '01', [cite('《中华人民共和国畜牧法》'), cite('《种畜禽管理条例》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['农牧业', '市场准入'], who: PE, steps: CHECK,
    materials: ['种畜禽生产经营许可证申请表', '畜禽品种来源证明', '畜牧兽医技术人员资格证明', '种畜禽生产经营场所、设施设备清单', '种畜禽防疫条件证明'],
    result: ['种畜禽生产经营许可证', '证照', '种畜禽生产经营许可证'], kw: ['种羊', '种牛', '良种', '畜牧'],
  }),
  it('nmj', '060102', '动物防疫条件合格证核发', '01', [cite(ANIMAL, '第二十四条'), cite('《动物防疫条件审查办法》')], {
    statutory: [15, 'day'], promised: [10, 'day'], online: 3, handling: SITU4, themes: ['农牧业'], who: PE, steps: CHECK,
    materials: ['动物防疫条件审查申请表', '场所地理位置图、各功能区布局平面图', '设施设备清单', '管理制度文本', '人员信息'],
    result: ['动物防疫条件合格证', '证照', '动物防疫条件合格证'], kw: ['养殖场', '屠宰场', '防疫'],
  }),
  it('nmj', '060103', '动物诊疗许可', '01', [cite(ANIMAL, '第六十一条'), cite('《动物诊疗机构管理办法》')], {
    statutory: [15, 'day'], promised: [10, 'day'], online: 3, handling: SITU4, themes: ['农牧业', '市场准入'], who: PE, steps: CHECK,
    materials: ['动物诊疗许可证申请表', '动物诊疗场所地理方位图、室内平面图和各功能区布局图', '动物诊疗场所使用权证明', '执业兽医资格证书', '设施设备清单'],
    result: ['动物诊疗许可证', '证照', '动物诊疗许可证'], kw: ['兽医院', '宠物医院'],
  }),
  it('nmj', '060104', '兽药经营许可', '01', [cite('《兽药管理条例》', '第二十二条'), cite('《兽药经营质量管理规范》')], {
    statutory: [30, 'workday'], promised: [15, 'workday'], online: 3, handling: SITU4, themes: ['农牧业', '市场准入'], power: 5, steps: CHECK,
    materials: ['兽药经营许可证申请表', BL, '与所经营兽药相适应的兽药技术人员证明', '营业场所、仓库的使用权证明及平面图', '兽药质量管理制度'],
    result: ['兽药经营许可证', '证照', '兽药经营许可证'], kw: ['兽药店', '兽用生物制品'],
  }),
  it('nmj', '060105', '农药经营许可', '01', [cite('《农药管理条例》', '第二十四条'), cite('《农药经营许可管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['农牧业', '市场准入'], steps: CHECK,
    materials: ['农药经营许可证申请表', BL, '经营人员农学、植保等专业学历或者培训证明', '营业场所和仓储场所地址、面积、平面图', '农药经营质量管理制度'],
    result: ['农药经营许可证', '证照', '农药经营许可证'], kw: ['农资店', '农药'],
  }),
  it('nmj', '060106', '农作物种子生产经营许可', '01', [cite(SEED), cite('《农作物种子生产经营许可管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['农牧业', '市场准入'],
    materials: ['农作物种子生产经营许可证申请表', BL, '种子生产、加工贮藏、检验专业技术人员的基本情况', '种子检验室、加工厂房、仓库的产权证明', '品种审定证书或者登记证书'],
    result: ['农作物种子生产经营许可证', '证照', '农作物种子生产经营许可证'], kw: ['种子', '玉米种'],
  }),
  it('nmj', '060107', '种子销售网点备案', '11', [cite(SEED), cite('《农作物种子生产经营许可管理办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], themes: ['农牧业'], who: PE,
    materials: ['种子生产经营备案表', BL, '种子生产经营者的委托书或者经营协议'], result: ['种子销售网点备案回执', '备案凭证'], kw: ['种子门店', '代销'],
  }),
  it('nmj', '060108', '生鲜乳收购许可', '01', [cite(MILK, '第二十条')], {
    statutory: [20, 'day'], promised: [10, 'day'], online: 2, handling: SITU4, themes: ['农牧业', '食品药品'], who: [1, 2, 5, 9], steps: CHECK,
    materials: ['生鲜乳收购站许可申请表', BL, '生鲜乳收购站平面图和周围环境示意图', '冷却、冷藏、保鲜设施和检测仪器清单', '从业人员健康证明'],
    result: ['生鲜乳收购许可证', '证照', '生鲜乳收购许可证'], kw: ['奶站', '牛奶', '奶牛'],
  }),
  it('nmj', '060109', '生鲜乳准运证明核发', '01', [cite(MILK, '第二十五条')], {
    statutory: [20, 'day'], promised: [5, 'day'], online: 2, handling: ['新设', '延续'], themes: ['农牧业', '交通运输'], who: PE,
    materials: ['生鲜乳运输车辆准运证明申请表', '车辆行驶证', '奶罐隔热、保温及清洗消毒设施说明', '驾驶员和押运员健康证明'],
    result: ['生鲜乳准运证明', '证照'], kw: ['奶罐车', '运奶'],
  }),
  it('nmj', '060110', '拖拉机和联合收割机登记', '07', [cite('《农业机械安全监督管理条例》'), cite('《拖拉机和联合收割机登记规定》')], {
    statutory: [2, 'workday'], promised: [1, 'workday'], online: 2, handling: ['新设', '变更', '注销'], themes: ['农牧业'], who: PE,
    materials: ['拖拉机和联合收割机登记业务申请表', ID, '机具来源证明', '出厂合格证明', '?机具照片'], result: ['拖拉机和联合收割机行驶证、号牌', '证照'], kw: ['农机上牌', '拖拉机'],
  }),
  it('nmj', '060111', '农业机械购置补贴', '05', [cite('《中华人民共和国农业机械化促进法》', '第二十七条'), cite('《农业机械购置与应用补贴实施指导意见》')], {
    statutory: [30, 'workday'], promised: [15, 'workday'], online: 4, themes: ['农牧业'], who: [1, 2, 5, 9], steps: ['申请', '受理', '核验', '公示', '发放'],
    materials: ['农机购置补贴申请表', ID, '购机发票', '?机具照片'], result: ['农机购置补贴资金', '资金发放'], kw: ['农机补贴', '购机补贴'],
  }),
  it('nmj', '060112', '动物产地检疫', '07', [cite(ANIMAL, '第四十九条'), cite('《动物检疫管理办法》')], {
    statutory: [1, 'workday', '申报后按规定时限实施检疫'], promised: [1, 'workday'], online: 4, themes: ['农牧业', '食品药品'], who: PE, steps: ['申报', '检疫', '出证'],
    materials: ['检疫申报单', '畜禽标识（耳标）信息'], result: ['动物检疫合格证明', '证明', '动物检疫合格证明'], kw: ['检疫', '耳标', '出栏'],
  }),
  it('lcj', '060201', '林木采伐许可', '01', [cite(FOREST, '第五十六条'), cite('《中华人民共和国森林法实施条例》')], {
    statutory: [20, 'day'], promised: [5, 'day'], online: 4, themes: ['林业草原'], who: PE,
    materials: ['林木采伐申请书', '@林权证明=不动产登记共享数据', '?采伐作业设计说明（集中连片采伐5公顷以上）'],
    result: ['林木采伐许可证', '证照', '林木采伐许可证'], kw: ['砍树', '伐木', '采伐证'],
  }),
  it('lcj', '060202', '草原征占用审核', '01', [cite(GRASS, '第三十八条'), cite('《草原征占用审核审批管理规范》')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 2, themes: ['林业草原', '建设工程'], who: ORG, power: 2, steps: CHECK,
    materials: ['草原征占用申请表', '项目批准文件', '被征占用草原的权属证明材料', '草原所有权者、使用权者或者承包经营者的补偿协议', '草原植被恢复费缴纳凭证'],
    result: ['草原征占用审核同意书', '批复'], kw: ['占用草原', '草牧场'],
  }),
  it('lcj', '060203', '临时占用草原审核', '01', [cite(GRASS, '第四十条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['林业草原'], who: ORG, steps: CHECK,
    materials: ['临时占用草原申请表', '临时占用草原的权属证明材料', '与草原承包经营者签订的补偿协议', '草原植被恢复方案'], result: ['临时占用草原审核同意书', '批复'], kw: ['临时用草'],
  }),
  it('lcj', '060204', '草原上修建直接为草原保护和畜牧业生产服务的工程设施审批', '01', [cite(GRASS, '第四十一条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['林业草原', '农牧业'], who: [1, 2, 5, 9],
    materials: ['使用草原修建工程设施申请表', '草原权属证明材料', '工程设施建设方案'], result: ['使用草原审批决定', '批复'], kw: ['棚圈', '储草棚'],
  }),
  it('lcj', '060205', '建设项目使用林地审核', '01', [cite(FOREST, '第三十七条'), cite('《建设项目使用林地审核审批管理办法》')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 2, themes: ['林业草原', '建设工程'], who: ORG, power: 5, steps: CHECK,
    materials: ['使用林地申请表', '建设项目有关批准文件', '拟使用林地的权属证明材料', '使用林地可行性报告或者现状调查表'],
    result: ['使用林地审核同意书', '批复'], kw: ['占用林地', '征收林地'],
  }),
  it('lcj', '060206', '临时使用林地审批', '01', [cite(FOREST, '第三十八条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['林业草原'], who: ORG,
    materials: ['临时使用林地申请表', LAND_USE, '林地使用补偿协议', '恢复植被和林业生产条件方案'], result: ['临时使用林地审批决定', '批复'], kw: ['临时用林'],
  }),
  it('lcj', '060207', '林木种子生产经营许可', '01', [cite(SEED), cite('《林木种子生产经营许可证管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['林业草原', '市场准入'], power: 5,
    materials: ['林木种子生产经营许可申请表', BL, '种子生产经营场所、设施设备说明', '林木种子技术人员证明'], result: ['林木种子生产经营许可证', '证照', '林木种子生产经营许可证'], kw: ['苗木', '树苗'],
  }),
  it('lcj', '060208', '森林草原防火期内野外用火审批', '01', [cite('《森林防火条例》', '第二十五条'), cite('《草原防火条例》')], {
    statutory: [5, 'workday'], promised: [1, 'workday'], online: 2, themes: ['林业草原', '安全生产'], who: PE,
    materials: ['野外用火申请表', ID, '用火安全措施及扑救预案'], result: ['野外用火许可决定', '文书'], kw: ['烧荒', '防火', '用火'],
  }),
  it('slj', '060301', '取水许可', '01', [cite(WATER, '第四十八条'), cite('《取水许可和水资源费征收管理条例》')], {
    statutory: [45, 'workday'], promised: [20, 'workday'], online: 3, handling: SITU4, themes: ['水利'], who: [1, 2, 3, 5, 9], steps: CHECK,
    materials: ['取水许可申请书', '与第三者利害关系的相关说明', '建设项目水资源论证报告书（表）', '?属于备案项目的，提供有关备案材料'],
    inter: [['建设项目水资源论证报告编制', '《取水许可和水资源费征收管理条例》', '具备水资源论证能力的技术单位']],
    result: ['取水许可证（电子证照）', '证照', '取水许可证'], kw: ['打井', '取水', '地下水'],
  }),
  it('slj', '060302', '生产建设项目水土保持方案审批', '01', [cite('《中华人民共和国水土保持法》', '第二十五条'), cite('《生产建设项目水土保持方案管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU2, themes: ['水利', '建设工程'], who: ORG,
    materials: ['水土保持方案审批申请', '生产建设项目水土保持方案报告书（表）'],
    inter: [['水土保持方案编制', '《中华人民共和国水土保持法》', '具备相应技术条件的机构']],
    result: ['水土保持方案批复', '批复'], kw: ['水保方案', '水土流失'],
  }),
  it('slj', '060303', '河道管理范围内建设项目工程建设方案审批', '01', [cite(WATER, '第三十八条'), cite('《中华人民共和国河道管理条例》', '第十一条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, themes: ['水利', '建设工程'], who: ORG, steps: CHECK,
    materials: ['河道管理范围内建设项目申请书', '建设项目所依据的文件', '建设项目涉及河道与防洪部分的方案', '防洪评价报告'], result: ['工程建设方案审查同意书', '批复'], kw: ['无定河', '河道', '涉河建设'],
  }),
  it('slj', '060304', '洪水影响评价类审批', '01', [cite('《中华人民共和国防洪法》', '第二十七条'), cite('《国务院关于取消和下放一批行政审批项目的决定》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, themes: ['水利', '建设工程'], who: ORG,
    materials: ['洪水影响评价类审批申请书', '洪水影响评价报告', '建设项目立项文件'], result: ['洪水影响评价类审批决定', '批复'], kw: ['防洪', '洪评'],
  }),
  it('sthj', '060401', '排污许可', '01', [cite('《排污许可管理条例》', '第二条'), cite('《中华人民共和国环境保护法》', '第四十五条')], {
    statutory: [20, 'day', '实行重点管理的30日'], promised: [10, 'day'], online: 4, handling: SITU4, themes: ['生态环境'], who: [2, 3, 5, 9], power: 2,
    materials: ['排污许可证申请表', '自行监测方案', '守法承诺书', '?建设项目环境影响报告书（表）批准文件'], result: ['排污许可证', '证照', '排污许可证'], kw: ['排污证', '排放'],
  }),
  it('sthj', '060402', '建设项目环境影响报告书（表）审批', '01', [cite(EIA, '第二十二条'), cite('《建设项目环境保护管理条例》')], {
    statutory: [60, 'day', '报告表30日'], promised: [20, 'day'], online: 3, themes: ['生态环境', '建设工程'], who: ORG, power: 2, steps: ['受理', '技术评估', '公示', '决定', '送达'],
    materials: ['建设项目环境影响评价文件审批申请表', '环境影响报告书（表）', '?公众参与说明'],
    inter: [['建设项目环境影响报告书（表）编制', EIA, '具备环境影响评价技术能力的单位']],
    result: ['环境影响评价文件批复', '批复'], kw: ['环评', '环评批复'],
  }),
  it('sthj', '060403', '建设项目环境影响登记表备案', '11', [cite(EIA, '第二十二条'), cite('《建设项目环境影响登记表备案管理办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '网上填报即备'], online: 4, filing: ['notice'], themes: ['生态环境', '建设工程'], who: ORG,
    materials: ['建设项目环境影响登记表（网上填报）'], result: ['建设项目环境影响登记表备案回执', '备案凭证'], kw: ['环评登记表'],
  }),
  it('sthj', '060404', '辐射安全许可（使用Ⅳ、Ⅴ类放射源及Ⅲ类射线装置）', '01', [cite('《中华人民共和国放射性污染防治法》', '第二十八条'), cite('《放射性同位素与射线装置安全和防护条例》')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 3, handling: SITU4, themes: ['生态环境', '安全生产'], who: [2, 3, 5], power: 5, steps: CHECK,
    materials: ['辐射安全许可证申请表', '@营业执照或事业单位法人证书=法人登记电子证照', '辐射安全管理制度和事故应急措施', '辐射工作人员培训考核证明', '?环境影响评价文件批复'],
    result: ['辐射安全许可证', '证照', '辐射安全许可证'], kw: ['放射源', '射线装置', '探伤'],
  }),
  it('sthj', '060405', '突发环境事件应急预案备案', '11', [cite('《中华人民共和国突发事件应对法》'), cite('《突发环境事件应急管理办法》')], {
    statutory: [5, 'workday'], promised: [1, 'workday', '材料齐全当场备案'], online: 4, filing: ['notice'], themes: ['生态环境', '安全生产'], who: [2, 3, 5, 9],
    materials: ['突发环境事件应急预案备案表', '环境应急预案及编制说明', '环境风险评估报告', '环境应急资源调查报告'], result: ['突发环境事件应急预案备案表（加盖备案章）', '备案凭证'], kw: ['应急预案', '环境风险'],
  }),
];
