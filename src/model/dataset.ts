/* Generated from schemas/perf-report.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 第五部分，逐条书写。
 *
 * @minItems 1
 */
export type TitledItems = [
  {
    /**
     * 条目的标题句。
     */
    title: string;
    /**
     * 条目的具体说明。
     */
    text?: string;
  },
  ...{
    /**
     * 条目的标题句。
     */
    title: string;
    /**
     * 条目的具体说明。
     */
    text?: string;
  }[]
];
/**
 * 第六部分，逐条书写。
 *
 * @minItems 1
 */
export type TitledItems1 = [
  {
    /**
     * 条目的标题句。
     */
    title: string;
    /**
     * 条目的具体说明。
     */
    text?: string;
  },
  ...{
    /**
     * 条目的标题句。
     */
    title: string;
    /**
     * 条目的具体说明。
     */
    text?: string;
  }[]
];

/**
 * 一个预算单位一个年度的数据与文字：收支、专项资金、机构人员、绩效指标、自评得分和报告正文。金额按源文本精确读取（不经过二进制浮点），文字中可用 {{图表编号}} 引用计算所得的数字。
 */
export interface Dataset {
  /**
   * 填报单位的基本信息。
   */
  unit: {
    /**
     * 单位全称，用于标题和文档属性，例如“永州市工业和信息化局”。
     */
    name: string;
    /**
     * 正文中的自称，例如“我局”“我单位”。默认“我单位”。
     */
    selfName?: string;
    /**
     * 预算单位编码。请加引号书写，例如 "00123"，以免前导零丢失。
     */
    code?: string;
    /**
     * 主管部门名称（如有）。
     */
    department?: string;
    /**
     * 表格式报告封面使用的联系人信息。
     */
    contact?: {
      /**
       * 填报联系人。
       */
      person?: string;
      /**
       * 联系电话，按文本书写。
       */
      phone?: string;
    };
  };
  /**
   * 报告所属的预算年度，例如 2020。
   */
  year: number;
  /**
   * 不填时由模板生成“{年度}年度部门整体支出绩效自评报告”。
   */
  title?: string;
  /**
   * 上一年度数据集文件的相对路径，例如 ./2019.yaml。填写后同比数字取自该文件。
   */
  prior?: string;
  /**
   * 金额单位、舍入方式和显示格式。
   */
  settings?: {
    /**
     * 本文件中金额的书写单位。决算报表通常为“元”，报告正文通常为“万元”。默认“万元”。
     */
    amountUnit?: "元" | "万元";
    /**
     * 报告中金额的显示单位。默认与金额单位相同。
     */
    displayUnit?: "元" | "万元";
    /**
     * 显示和核对时的舍入方式：half-up 四舍五入（默认），half-even 四舍六入五成双（GB/T 8170），down 截尾。
     */
    rounding?: "half-up" | "half-even" | "down";
    /**
     * 金额显示的小数位数。exact（默认）：输入数按书写的位数显示，合计与差额保留参与运算各数中最多的小数位（不丢失任何数字）；significant：合计与差额只保留到参与运算各数中最粗的一位（5296 − 4426.12 显示为 870，因为 5296 只精确到万元）；写整数则一律按该位数显示。元折算为万元显示时默认保留 2 位。
     */
    amountDecimals?: ("exact" | "significant") | number;
    /**
     * 百分比（增长率、占比、完成率、执行率）的默认小数位数，默认 2。
     */
    percentDecimals?: number;
    /**
     * 金额是否使用千位分隔符（5,296）。默认 true。
     */
    thousandsSeparator?: boolean;
    /**
     * 自评得分对应的等级，按下限从高到低书写；得分不低于下限即为该等级。默认：优秀 90、良好 80、合格 60、不合格 0。
     *
     * @minItems 1
     */
    gradeBands?: [
      {
        /**
         * 等级名称，例如“优秀”。
         */
        grade: string;
        /**
         * 该等级的最低得分（含）。
         */
        min: number;
      },
      ...{
        /**
         * 等级名称，例如“优秀”。
         */
        grade: string;
        /**
         * 该等级的最低得分（含）。
         */
        min: number;
      }[]
    ];
  };
  /**
   * 职能职责、机构设置和人员编制。
   */
  profile?: {
    /**
     * 逐条书写的部门职能职责，报告中编号为（1）（2）……
     *
     * @minItems 1
     */
    duties?: [string, ...string[]];
    /**
     * 内设机构和所属单位：内设科室、所属事业单位，以及报告列出的其他名单（股室、副科级事业单位、直属事业单位、二级机构……）。
     */
    organisation?: {
      /**
       * 机构情况的时点表述，例如“2020年末”。
       */
      asOf?: string;
      internalOffices?: NamedList;
      affiliatedUnits?: NamedList1;
      /**
       * 报告列出的任意多份机构名单，每份有自己的名称（label），例如“股室”“副科级事业单位”“直属事业单位”“二级机构”。个数用 {{org.编号.count}} 引用。
       */
      lists?: {
        /**
         * 名单的编号，个数用 {{org.编号.count}} 引用，例如 sections。
         */
        id: string;
        /**
         * 报告中这份名单的叫法，例如“股室”“副科级事业单位”“直属事业单位”“二级机构”。
         */
        label: string;
        /**
         * 报告中写明的个数（如“直属事业单位10个”）；填写后与名单条数核对（partial 时所述个数不得少于名单条数）。不填则按名单计数。
         */
        count?: number;
        /**
         * true：报告只列出一部分（名单以“等”结尾），个数取所述个数，核对时只要求名单条数不超过它。
         */
        partial?: boolean;
        /**
         * 逐个列出的名称。
         */
        items?: string[];
      }[];
    };
    /**
     * 编制数、实有人数和退休人员。
     */
    staffing?: {
      /**
       * 人员情况的时点表述，例如“2020年末”。
       */
      asOf?: string;
      /**
       * 报告写明的编制总数（如“核定编制109人”）。列出 authorisedPosts 时与其合计核对；不列分类时只写此数。
       */
      authorised?: number;
      /**
       * 按编制类型列出的编制数；合计由工具计算。
       */
      authorisedPosts?: {
        /**
         * 例如“行政编制”“工勤编制”“全额拨款事业单位编制”。
         */
        type: string;
        /**
         * 该类型的编制数。
         */
        count: number;
      }[];
      /**
       * 年末实有在职人员数（不含临聘人员）。
       */
      staffInPost?: number;
      /**
       * 临时聘用人员数。
       */
      temporaryStaff?: number;
      /**
       * 退休人员数。
       */
      retirees?: number;
      /**
       * 离休人员数。
       */
      retiredVeterans?: number;
      /**
       * 报告写明的离退休人员总数（如“离退休人员14人，其中退休人员14人”）；与离休、退休人数核对。
       */
      retiredTotal?: number;
      /**
       * 报告写明的全部人员数（如“现有人员1894人”），可含退休、临聘等；与分单位人数 byUnit 的合计核对。
       */
      headcount?: number;
      /**
       * 按机构列出的人数（如“局机关在职113人、离休2人、退休75人，财政事务中心10人”）。每行的人数与其构成核对，各行合计与现有人员合计核对。
       */
      byUnit?: {
        /**
         * 例如“局机关”“环卫处”。
         */
        unit: string;
        /**
         * 该机构的人数；列出 parts 时与其合计核对，不填则按 parts 合计。
         */
        count?: number;
        /**
         * 该机构人数的构成，例如在职在编、退休、协管员。
         *
         * @minItems 1
         */
        parts?: [
          {
            /**
             * 例如“在职”“离休”“退休”“临聘人员”。
             */
            type: string;
            /**
             * 该类别的人数。
             */
            count: number;
          },
          ...{
            /**
             * 例如“在职”“离休”“退休”“临聘人员”。
             */
            type: string;
            /**
             * 该类别的人数。
             */
            count: number;
          }[]
        ];
      }[];
    };
  };
  /**
   * 本年和上年的收入、支出、预算调整和专项资金。结转结余、合计、增减额和比率都由工具计算。
   */
  finance?: {
    /**
     * 按来源列出的本年收入。
     */
    income?: {
      /**
       * 每项收入来源及其金额，例如“财政拨款收入”。
       *
       * @minItems 1
       */
      sources?: [
        {
          /**
           * 在文字中引用此项时使用的编号，例如 appropriation。
           */
          id?: string;
          /**
           * 例如“财政拨款收入”“事业收入”“其他收入”。
           */
          name: string;
          /**
           * 本年收入金额。
           */
          amount: number;
          /**
           * 上年同口径金额（如有）。
           */
          prior?: number;
        },
        ...{
          /**
           * 在文字中引用此项时使用的编号，例如 appropriation。
           */
          id?: string;
          /**
           * 例如“财政拨款收入”“事业收入”“其他收入”。
           */
          name: string;
          /**
           * 本年收入金额。
           */
          amount: number;
          /**
           * 上年同口径金额（如有）。
           */
          prior?: number;
        }[]
      ];
      /**
       * 上年收入总额，用于计算增减额和增长率。
       */
      prior?: number;
    };
    /**
     * 本年支出：基本支出（人员经费、公用经费）和项目支出。
     */
    expenditure?: {
      /**
       * 保障机构正常运转的支出。
       */
      basic?: {
        /**
         * 工资福利支出等人员经费。
         */
        personnel?: number;
        /**
         * 日常公用支出。
         */
        public?: number;
        /**
         * 上年基本支出（如有）。
         */
        prior?: number;
      };
      /**
       * 本年项目支出合计（取自决算）。
       */
      project?: number;
      /**
       * 上年项目支出（如有）。
       */
      projectPrior?: number;
      /**
       * 上年支出总额，用于计算增减额和增长率。
       */
      prior?: number;
    };
    /**
     * 上年末结转到本年的资金。填写后核对：收入 + 年初结转结余 = 支出 + 年末结转结余（carryOver.closing）。支出超过收入时须填写。
     */
    openingCarryOver?: number;
    /**
     * 年初预算和年中调整。
     */
    budget?: {
      /**
       * 年初预算安排的专项资金。
       */
      projectInitial?: number;
      /**
       * 年中调整预算增拨（负数为调减）的基本支出及其用途。
       */
      basicAdjustment?: {
        /**
         * 调整预算增拨金额，调减写负数。
         */
        amount: number;
        /**
         * 例如“用于贴补人员经费、办公经费不足”。
         */
        purpose?: string;
      };
    };
    /**
     * 每项专项资金的下达金额、支出和使用说明。结余 = 下达 − 支出，由工具计算。名单只是项目支出的一部分时写成 { complete: false, items: [...] }：项目资金总投入和项目结转结余就不再由名单推算。
     */
    specialFunds?:
      | {
          /**
           * 专项的编号，用于文字引用和核对，例如 emergency。
           */
          id: string;
          /**
           * 专项资金名称，用于“专项资金实际使用情况”。
           */
          name: string;
          /**
           * 在收支概况中列示时的名称（含下达机关），不填则用名称。
           */
          sourceName?: string;
          /**
           * 在“专项资金安排落实”中列示时的名称，不填则用名称。
           */
          budgetName?: string;
          /**
           * 预算项目编码，按文本书写。
           */
          code?: string;
          /**
           * 本年下达（调整预算安排）的金额。
           */
          allocated: number;
          /**
           * 本年实际支出（如决算中单独列示）。
           */
          spent?: number;
          /**
           * 为 true 时在收支概况的“含……”中单独列示。
           */
          featured?: boolean;
          /**
           * 资金用途和使用情况的文字，可引用 {{编号}}。
           */
          description?: string;
        }[]
      | {
          /**
           * false：名单只列出部分专项（如“等5个项目”之外还有），项目资金总投入、基本/项目结转结余和项目执行率不由名单推算，各专项支出之和只须不超过项目支出。默认 true。
           */
          complete?: boolean;
          /**
           * 逐项列出的专项资金。
           */
          items: {
            /**
             * 专项的编号，用于文字引用和核对，例如 emergency。
             */
            id: string;
            /**
             * 专项资金名称，用于“专项资金实际使用情况”。
             */
            name: string;
            /**
             * 在收支概况中列示时的名称（含下达机关），不填则用名称。
             */
            sourceName?: string;
            /**
             * 在“专项资金安排落实”中列示时的名称，不填则用名称。
             */
            budgetName?: string;
            /**
             * 预算项目编码，按文本书写。
             */
            code?: string;
            /**
             * 本年下达（调整预算安排）的金额。
             */
            allocated: number;
            /**
             * 本年实际支出（如决算中单独列示）。
             */
            spent?: number;
            /**
             * 为 true 时在收支概况的“含……”中单独列示。
             */
            featured?: boolean;
            /**
             * 资金用途和使用情况的文字，可引用 {{编号}}。
             */
            description?: string;
          }[];
        };
    /**
     * 表格式报告的“收入表”：按机构列出的收入构成。每行各项之和 = 收入合计；各行合计减上年结转 = 单位收入合计，上年结转之和 = 年初结转结余，某一列之和 = 编号相同的收入来源（如 appropriation）。
     */
    incomeByUnit?: {
      /**
       * 局机关或二级机构名称。
       */
      unit: string;
      /**
       * 该机构收入合计。
       */
      total: number;
      /**
       * 上年结转。
       */
      carriedForward?: number;
      /**
       * 一般公共预算财政拨款。
       */
      appropriation?: number;
      /**
       * 政府性基金预算拨款。
       */
      governmentFund?: number;
      /**
       * 纳入专户管理的非税收入拨款。
       */
      nonTax?: number;
      /**
       * 其他收入。
       */
      other?: number;
    }[];
    /**
     * 按机构列出的支出：每行基本支出 + 项目支出 = 支出合计，各行合计与单位的支出合计、基本支出、项目支出核对。
     */
    expenditureByUnit?: {
      /**
       * 局机关或二级机构名称。
       */
      unit: string;
      /**
       * 该机构支出合计。
       */
      total: number;
      /**
       * 该机构基本支出。
       */
      basic?: number;
      /**
       * 该机构项目支出。
       */
      project?: number;
    }[];
  };
  /**
   * 报告引用的文件及其文号，例如《关于全面实施预算绩效管理的意见》（中发〔2018〕34号）。
   */
  documents?: {
    /**
     * 书名号内的文件名称，不含书名号。
     */
    title: string;
    /**
     * 例如“中发〔2018〕34号”。
     */
    number?: string;
  }[];
  /**
   * 各部分的文字。可用 {{编号}} 引用计算所得的数字，例如 {{expenditure.basic.personnel}}；{{编号:n}} 只写数字不带单位，{{编号:1}} 指定 1 位小数。
   */
  narrative?: {
    /**
     * 第一部分（二）末尾“部门预算整体支出的主要内容及方向”的文字。
     */
    spendingDirections?: string;
    /**
     * 第二部分（一）基本支出的用途，例如“主要用于维持部门正常运转的人员经费和日常公用经费”。
     */
    basicSpendingPurpose?: string;
    /**
     * 第二部分（二）1 专项资金的主要用途。
     */
    projectSpendingPurpose?: string;
    /**
     * 第二部分（二）3 专项资金管理情况分析。
     *
     * @minItems 1
     */
    fundManagement?: [string, ...string[]];
    /**
     * 第三部分（一）专项组织情况分析，逐条书写。
     *
     * @minItems 1
     */
    organisation?: [string, ...string[]];
    /**
     * 第三部分（二）专项管理情况分析。
     *
     * @minItems 1
     */
    management?: [string, ...string[]];
    problems?: TitledItems;
    measures?: TitledItems1;
  };
  /**
   * 第四部分：逐条列出的工作成效，每条有标题、文字和绩效指标。
   */
  achievements?: {
    /**
     * 成效的标题句，可引用 {{编号}}。
     */
    title: string;
    /**
     * 成效的具体说明，可引用 {{编号}}。
     */
    text?: string;
    /**
     * 这条成效中的数字：指标名称、单位、目标值和实际值。完成率由工具计算。
     */
    indicators?: Indicator[];
  }[];
  /**
   * 自评得分和等级。有评分表时总分由评分表合计；否则填写 score。
   */
  evaluation?: {
    /**
     * 得分前的评价句，例如“通过绩效指标定量和定性分析，我局绩效目标完成好”。
     */
    summary?: string;
    /**
     * 没有评分表时直接填写的自评总分。
     */
    score?: number;
    /**
     * 部门整体支出绩效自评表：一级、二级、三级指标及分值、得分。
     */
    scorecard?: {
      /**
       * 例如“投入”“过程”“产出”“效果”。
       */
      level1: string;
      /**
       * 例如“预算执行”。
       */
      level2: string;
      /**
       * 例如“预算完成率”。
       */
      level3: string;
      /**
       * 年度指标值的文字表述，例如“≥95%”。
       */
      target?: string;
      /**
       * 实际完成值的文字表述。
       */
      actual?: string;
      /**
       * 该指标的分值（权重）。
       */
      weight: number;
      /**
       * 自评得分，不得超过分值。
       */
      score: number;
      /**
       * 偏差原因分析及改进措施。
       */
      note?: string;
    }[];
    /**
     * 等级之后的文字，例如“2020年我局绩效考核为优。”
     */
    closing?: string;
  };
  /**
   * 从决算或既有报告抄录的计算类数字（合计、增减额、增长率、占比、完成率等），按图表编号书写，由 check 与计算值核对。百分比按百分数书写（352.13 表示 352.13%）。没有上年数时，所载增减额和增长率相互核对（必须对应同一个上年数）。自评等级写文字：score.grade: 优。
   */
  stated?: {
    [k: string]:
      | number
      | {
          /**
           * 报告所载的数值。
           */
          value: number;
          /**
           * 覆盖按书写精度推定的容差（半个末位单位）。
           */
          tolerance?: number;
          /**
           * 出处或说明。
           */
          note?: string;
        };
  };
}
/**
 * 内设机构名单。
 */
export interface NamedList {
  /**
   * 报告中这份名单的叫法，例如“内设科室”“股室”“二级机构”。不填用默认叫法。
   */
  label?: string;
  /**
   * 报告中写明的个数（如“内设科室19个”）；填写后与名单条数核对（partial 时所述个数不得少于名单条数）。不填则按名单计数。
   */
  count?: number;
  /**
   * true：报告只列出一部分（名单以“等”结尾，如“办公室、预算股等16个股室”），个数取所述个数，核对时只要求名单条数不超过它。
   */
  partial?: boolean;
  /**
   * 逐个列出的名称。
   */
  items?: string[];
}
/**
 * 所属（二级）单位名单。
 */
export interface NamedList1 {
  /**
   * 报告中这份名单的叫法，例如“内设科室”“股室”“二级机构”。不填用默认叫法。
   */
  label?: string;
  /**
   * 报告中写明的个数（如“内设科室19个”）；填写后与名单条数核对（partial 时所述个数不得少于名单条数）。不填则按名单计数。
   */
  count?: number;
  /**
   * true：报告只列出一部分（名单以“等”结尾，如“办公室、预算股等16个股室”），个数取所述个数，核对时只要求名单条数不超过它。
   */
  partial?: boolean;
  /**
   * 逐个列出的名称。
   */
  items?: string[];
}
export interface Indicator {
  /**
   * 指标编号，全文唯一；文字中用 {{编号}} 引用实际值，{{编号.target}} 引用目标值，{{编号.completion}} 引用完成率。
   */
  id: string;
  /**
   * 例如“中小企业上云数”。
   */
  name: string;
  /**
   * 例如“家”“万元”“%”。
   */
  unit?: string;
  /**
   * ≥ 越大越好（默认），≤ 越小越好，= 等于目标。
   */
  direction?: "≥" | "≤" | "=";
  /**
   * 年度指标值。
   */
  target?: number;
  /**
   * 与另一指标共用目标值时填写其编号，避免重复书写。
   */
  targetOf?: string;
  /**
   * 实际完成值。
   */
  actual?: number;
  /**
   * 由其他指标计算实际值，例如 "charged - paid" 或 "closed + upgraded"；只允许编号、数字、+ − × ÷ 和括号。
   */
  formula?: string;
  /**
   * 例如“1-11月”“截至12月15日”。
   */
  period?: string;
}
